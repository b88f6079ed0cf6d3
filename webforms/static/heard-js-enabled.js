// Loaded as a classic script at the start of <body>: the CSP forbids GOV.UK's usual inline one.
// "js-enabled" and "govuk-frontend-supported" switch on the styles of GOV.UK's scripted components.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

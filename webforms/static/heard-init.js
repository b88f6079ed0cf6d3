// Loaded with <script type="module">, so browsers too old for GOV.UK Frontend skip it and keep
// the plain HTML behaviour (every component works without JavaScript).
import { initAll } from "./govuk/govuk-frontend.min.js";

initAll();

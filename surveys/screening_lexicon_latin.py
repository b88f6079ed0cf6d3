"""Disclosure lexicons for Polish, Romanian, Somali, and Urdu and Punjabi typed in Latin letters.

Same shape and normalisation as `surveys.screening_lexicon`: accents are folded to ASCII before
matching, so "boję się" is written "boje sie" and also matches text typed without diacritics.
Written from general knowledge of how harm is disclosed; needs review by native speakers.
"""

from __future__ import annotations

from surveys.screening_lexicon import ENGLISH, Lexicon, extend

_PL_OBJ = r"(?:mnie|nas|go|ja|je|dzieci|mame|syna|corke|brata|siostre)"
_PL_HIT = (
    r"(?:bije|bija|bil|bila|bili|pobil\w*|uderza\w*|uderzyl\w*|kopie|kopal\w*|kopnal\w*|"
    r"szarpie|szarpal\w*|dusi|dusil\w*|przypala\w*)"
)
_PL_WHO = (
    r"(?:go|jej|ich|jego|taty|ojca|ojczyma|partnera|meza|bylego|chlopaka|wujka|brata|mamy|matki|"
    r"macochy|dziadka|tego)"
)

POLISH: Lexicon = {
    "physical_harm": (
        _PL_HIT + r" " + _PL_OBJ,
        _PL_OBJ + r" (?:\w+ )?" + _PL_HIT,
        r"siniak\w*|pasem|bicie|lanie|przemoc fizyczn\w*",
    ),
    "fear_of_person": (
        r"boje sie (?:\w+ )?(?:" + _PL_WHO + r"|wracac|isc do domu|byc w domu|zostac)",
        r"(?:mnie|nas) (?:straszy|przeraza|zastrasza)|groz(?:i|il|ila|ba|by)\w*|zastrasz\w*",
        r"(?:sledzi|nachodzi) mnie",
    ),
    "domestic_abuse": (
        r"przemoc\w*|znec\w* sie|niebieska karta",
        r"(?:partner\w*|maz|meza|mezem|chlopak\w*|byly|bylego)(?: \w+){0,5} (?:bije|uderza|dusi|"
        r"grozi)",
    ),
    "threat_to_kill_or_weapon": (
        r"zabij\w*|zabic|zabil\w*|noz|nozem|noze|pistolet\w*|bron|bronia",
    ),
    "self_harm_or_suicide": (
        r"(?:chce|chcialabym|chcialbym) umrzec|(?:zabic|zabije|zabilam|zabilem) sie|samoboj\w*",
        r"(?:tne|cie|ciac|cial\w*|okaleczam|okaleczyl\w*) sie|okalecz\w*|nie chce (?:juz )?zyc",
        r"przedawkow\w*|(?:lyknel\w*|wzial\w*) (?:wszystkie )?(?:tabletki|leki)",
    ),
    "neglect": (
        r"nie (?:ma|mamy) (?:\w+ )?(?:jedzenia|co jesc)|brak jedzenia|glodn\w*|glodu",
        r"zostawia (?:nas|mnie|dzieci|je) sam\w*|sam\w* w domu (?:na noc|cala noc|przez)",
        r"nie ma ogrzewania",
    ),
    "sexual_abuse": (
        r"dotyka (?:mnie|mi|jej|go)|dotykal\w*|molest\w*|gwalc\w*|gwalt\w*|zgwalc\w*",
        r"seksual\w*|intymn\w*|pornograf\w*|nago",
        r"w nocy (?:\w+ )?do (?:mojego|mnie|jej) (?:pokoju|lozka)|do mojego (?:pokoju|"
        r"lozka) w nocy",
        r"(?:to|jest) (?:nasza )?tajemnica",
    ),
    "child_unsafe_or_missing": (
        r"nie chce (?:wracac|isc|wrocic|byc) (?:\w+ )?(?:do )?dom\w*",
        r"nie (?:jestem|czuje sie|jestesmy|czujemy sie|jest) (?:\w+ )?bezpieczn\w*",
        r"uciekl\w*|uciek\w*|zagin\w*|wyrzucil\w* (?:mnie|nas) z domu|zamyka (?:mnie|nas)",
    ),
    "urgent_help": (
        r"pilny|pilnie|pilna|natychmiast|pomocy|pomozcie|pomoz mi|prosze o pomoc|ratunku",
        r"niebezpieczenstw\w*|zagrozen\w*",
    ),
    "honour_based_abuse": (
        r"zmusza\w* (?:mnie |ja )?do (?:slubu|malzenstwa)|wydac (?:mnie|ja) za maz",
    ),
    "exploitation": (
        r"(?:sprzeda\w*|wozi\w*|nosi\w*|przewozi\w*|rozprowadza\w*) (?:\w+ )?(?:narkotyki|dragi|"
        r"towar)",
        r"starsi (?:mezczyzni|faceci|chlopacy|koledzy)|starszy (?:mezczyzna|facet)|uwodzi\w*",
    ),
    "substance_risk_to_child": (
        r"pijan\w*|nacpan\w*|narkotyki",
        r"(?:mama|tata|ojciec|matka|on|ona|oni|rodzice|ojczym|partner) (?:\w+ )?(?:pije|pija|pil|"
        r"pila)",
    ),
}

_RO_WHO = (
    r"(?:el|ea|ei|tata|tatal|mama|sotul|sot|fostul|iubitul|partenerul|fratele|unchiul|bunicul|"
    r"concubinul|tatal vitreg|mama vitrega)"
)

ROMANIAN: Lexicon = {
    "physical_harm": (
        r"(?:ma|te|il|o|ne|va|le|ii|m a|ne a|l a|a) (?:\w+ )?(?:bate|batea|batut|batuta|loveste|"
        r"lovea|"
        r"lovit|palmuieste|plesneste|plesnit|arde|ars|impinge|impins|strange de gat|trage de par)",
        r"bataie|vanatai\w*|cu cureaua|abuz fizic",
    ),
    "fear_of_person": (
        r"(?:mi e|mie|mi este|imi e|imi este|ne e|ii e|i e) (?:\w+ )?frica de (?:\w+ )?" + _RO_WHO,
        r"ma tem de (?:\w+ )?" + _RO_WHO,
        r"(?:ma|ne) ameninta|amenint\w*|ma urmareste",
    ),
    "domestic_abuse": (
        r"violent\w*|violenta (?:domestica|in familie)",
        r"(?:sotul|sot|iubitul|partenerul|fostul|concubinul)(?: \w+){0,5} (?:ma|o|ne) (?:bate|"
        r"loveste|ameninta)",
    ),
    "threat_to_kill_or_weapon": (
        r"(?:te|ma|ne|o|il|va|i) (?:\w+ )?omoar\w*|ucid\w*|cutit\w*|arma|pistol\w*|da foc",
    ),
    "self_harm_or_suicide": (
        r"(?:vreau|as vrea|vrea) sa (?:mor|moara|ma omor)|ma omor|sinucid\w*",
        r"(?:ma|m am) tai(?:at)?|ma ranesc|nu mai vreau sa (?:traiesc|fiu)|supradoz\w*",
    ),
    "neglect": (
        r"nu (?:avem|are|am|e|este|exista) (?:\w+ )?(?:ce manca|mancare)|fara mancare",
        r"flamanz\w*|flamand\w*|infometat\w*|ne lasa singur\w*|singur\w* acasa",
    ),
    "sexual_abuse": (
        r"(?:ma|o|il|ne) (?:\w+ )?(?:atinge|atingea|atins|pipaie|pipait)|(?:parti|partile|"
        r"locuri) intime",
        r"abuz\w* sexual\w*|sexual\w*|viol(?:at|ata|eaza|ul)?|pornograf\w*|(?:e|este) un secret",
        r"noaptea (?:\w+ )?in (?:camera|patul) (?:mea|meu)",
    ),
    "child_unsafe_or_missing": (
        r"nu (?:vreau|vrea|vrem) sa (?:merg|ma intorc|plec|stau|mai stau|fiu) (?:\w+ )?acasa",
        r"nu (?:sunt|ma simt|suntem|se simte|e|este) (?:\w+ )?in siguranta",
        r"(?:a )?fugit|(?:a )?disparut|(?:m|ne) a dat afara|dat afara din casa|(?:ma|ne) incuie",
    ),
    "urgent_help": (
        r"urgent\w*|ajutor|ajutati ma|ajuta ma|pericol|salvati|sunati ma (?:repede|acum|azi)",
    ),
    "honour_based_abuse": (
        r"(?:casatori\w*|marita\w*) (?:\w+ ){0,2}(?:cu forta|fortat\w*)",
        r"(?:forteaza|obliga) (?:\w+ )?sa (?:ma |se )?(?:casator|marit)\w*",
    ),
    "exploitation": (
        r"(?:vand|vinde|vinda|vanda|cara|transporte|transporta|duca) (?:\w+ )?droguri",
        r"barbati (?:mai )?(?:mari|in varsta|batrani)|(?:e|este|a fost) pus sa",
    ),
    "substance_risk_to_child": (
        r"(?:e|este|era|sunt|erau) (?:mereu |tot timpul |des )?(?:beat|beata|beti|drogat\w*)",
        r"se drogheaza|bea (?:mult|tot timpul|zilnic|toata ziua|in fiecare zi)|droguri",
    ),
}

_SO_WHO = r"(?:aab|hooy|nin|odey|adeer|abti|walaal|isag|iyad|saaxiib|qof|wiil|rag)\w*"

SOMALI: Lexicon = {
    "physical_harm": (
        r"garaac\w*|jirdil\w*|dharbaax\w*|feedh\w*",
        r"(?:i|na|ku|wuu i|way i) (?:\w+ )?(?:dhufta|dhuftaa|dhuftay|tuma|tumay|tumaa|laada|laaday|"
        r"gubay|guba)",
    ),
    "fear_of_person": (
        r"ka (?:sii )?(?:baq|cabs)\w* " + _SO_WHO,
        _SO_WHO + r" (?:ayaan|baan|waan|ayay|bay|way) ka (?:baq|cabs)\w*",
        r"hanjab\w*|cabsi gelin\w*",
    ),
    "domestic_abuse": (
        r"rabshad\w* (?:qoys|guri)\w*|xadgudub (?:guri|qoys)\w*",
        r"(?:nin|say|odey)\w*(?: \w+){0,4} (?:i garaac|i dhufta|i tuma|igu hanjab)\w*",
    ),
    "threat_to_kill_or_weapon": (
        r"(?:i|ku|na|idin|isaga|iyada) (?:\w+ )?dil(?:i|aa|ayaa|ay|ayn|aya|ayo)|dilayaa|dilaya",
        r"mindi|middi|bastoolad|toorey\w*",
    ),
    "self_harm_or_suicide": (
        r"(?:inaan|in aan|waan) (?:\w+ )?dhinto|is dil\w*|isdil\w*|naftayda (?:qaad|dil)\w*",
        r"is gooy\w*|is waxyeel\w*",
    ),
    "neglect": (
        r"cunto (?:ma jirto|ma leh|ma hayno|ma haysano|lan|la aan|laan)|gaajo\w*|gaajays\w*",
        r"kaligood|keligood|kaligeen|keligeen",
    ),
    "sexual_abuse": (
        r"(?:i|na|ku|iyada|gabadha) (?:\w+ )?taab\w*|meel\w* (?:qarsoon|gaar ah)",
        r"xubn\w* (?:qarsoon|taranka)|kufs\w*|galmo\w*|faraxumee\w*|faro xumee\w*",
        r"qolkayga (?:\w+ )?habeen\w*|habeen\w* (?:\w+ )?qolkayga",
    ),
    "child_unsafe_or_missing": (
        r"ma (?:rabo|doonayo|rabin) (?:inaan|in aan) (?:\w+ )?(?:guriga|gurigii|aqalka)",
        r"ammaan ma (?:ihi|ahi|ihin|aha)|nabad (?:kuma|ma) (?:ihi|ahi|jiro)|badbaado (?:ma|kuma)",
        r"ka (?:cararay|carartay|baxsaday|baxsatay) (?:\w+ )?guriga|la waayay|maqan (?:tahay|"
        r"yahay)",
        r"guriga (?:iga|naga|ka) (?:saaray|eryay|ceyriyay)",
    ),
    "urgent_help": (
        r"fadlan (?:i |na |ii )?(?:caawi|caawiya|gurmad)|i caawi|caawimaad degdeg|degdeg|gurmad",
        r"khatar\w*",
    ),
    "honour_based_abuse": (
        r"gudniin\w*|guur qasab\w*|qasab (?:ah )?(?:\w+ )?(?:guur|guursi|la guursad)\w*",
    ),
    "exploitation": (r"daroogo (?:\w+ )?(?:iib|sid|gee|keen)\w*|rag (?:ka )?weyn",),
    "substance_risk_to_child": (r"sakhraan\w*|khamri\w*|daroogo|maandooriye\w*",),
}

# Urdu and Punjabi typed in Latin letters ("mujhe dar lagta hai", "maarta hai", "menu marda").
_SA_OBJ = (
    r"(?:mujhe|mujhay|mujhey|muje|mjhe|mjhy|humein|hamein|hume|humen|hamen|menu|mainu|mennu|sanu|"
    r"saanu|usay|usey|use|usko|unko|ko|nu)"
)
_SA_HIT = r"(?:maar|mar|pit|peet|kutt?|kuut)(?:ta|ti|te|tay|da|di|de|dey|ya|iya|ega|egi|enge|na|ne)"
_SA_NOT = r"(?:nahi|nai|ni|nahin|nhi|nahi ji)"

ROMANISED_SOUTH_ASIAN: Lexicon = {
    "physical_harm": (
        _SA_OBJ + r" (?:\w+ ){0,2}" + _SA_HIT,
        r"(?:maar|mar|pit|peet|kutt?)(?:ta|ti|te|da|di|de) (?:hai|hain|he|hy|ha|aa|ae|si|tha|thi|"
        r"thay|raha|rahi|rahe|reha|rehi)",
        # "the" (were) only after forms that are not also names, such as Marta
        r"(?:maar(?:ta|ti|te)|marte|marti|peet(?:ta|te|ti)|pit(?:te|ti)) the",
        r"maarta|maarti|maarte|maarda|maardi|maarde|maar ?peet|mar ?peet|maar ?kutai|kutai",
        r"thapp?ar|thapad|chaant\w*|chapair|laat\w* maar\w*",
        r"(?:hit|hurt|beat|punch|slap|kick|abuse)\w* (?:kar|kr)\w*",
    ),
    "fear_of_person": (
        r"dar+ (?:\w+ )?lag\w*|(?:daraata|daraate|daraati|darata|darati)",
        r"(?:se|say|sey|sy|ton|tou|to|tun|toon) (?:bohat |bahut |bohot |bht |boht |buht |bada |"
        r"bara )?"
        r"dar+(?:ta|ti|te|da|di|de|dey)?",
        r"khauf|khof|dhamk\w*",
    ),
    "domestic_abuse": (
        r"(?:shohar|shauhar|khawand|gharwala|ghar wala|pati) (?:\w+ ){0,3}" + _SA_HIT,
    ),
    "threat_to_kill_or_weapon": (
        r"jaa?n (?:se|ton|tu|to) (?:maar|mar)\w*",
        r"(?:maar|mar) (?:dunga|dungi|dega|degi|denge|dalunga|dalega|dalegi|daalega|deyga|du|"
        r"devega|deu|"
        r"daanga|dena|deve|devaga)",
        r"qatal|qatl|chaa?ku|chaqu|chh?uri|bandoo[kq]|pistol|tamancha",
    ),
    "self_harm_or_suicide": (
        r"mar(?:na|ne) (?:\w+ )?chah\w*|mar (?:jana|jaana|jaavan|javan) (?:\w+ )?chah\w*",
        r"marna chaundi|khud ?kh?ushi|khudkashi|zindagi (?:khatam|khtm)",
        r"(?:khud|apne aap) ko (?:\w+ )?(?:nuksa?an|nuqsa?an|maar|kaat|zakhmi)",
        r"(?:jeena|jina|jeene) (?:\w+ )?" + _SA_NOT,
    ),
    "neglect": (
        r"khana " + _SA_NOT + r"|khane ko (?:kuch )?" + _SA_NOT + r"|khaan nu kuch " + _SA_NOT,
        r"bhoo?k\w*|bhukh\w*|faaq\w*",
        r"(?:akela|akele|akeli|kalle|ikalle) (?:\w+ )?(?:chhod|chod|chor|chhor|chad|chhad)\w*",
    ),
    "sexual_abuse": (
        r"(?:galat|ghalat|ghalt|glt) (?:\w+ )?(?:jagah|jaga|tareeke|tarike|tareqe|tarah|thaan|"
        r"than|haath)",
        r"chhoo?t(?:a|i|e) (?:hai|hain|he|ha|tha)|chhu(?:ta|ti|te|nda|ndi)|chu(?:ta|ti) hai",
        r"gand(?:a|i|e) (?:kaam|harkat\w*|tasveer\w*|tasweer\w*|photo\w*|video\w*|baat\w*)",
        r"jinsi|(?:raat ko|raati|raat nu) (?:\w+ ){0,3}kamre",
    ),
    "child_unsafe_or_missing": (
        r"ghar (?:\w+ )?" + _SA_NOT + r" (?:\w+ )?(?:jana|jaana|jaanaa|jaavan)",
        r"ghar wapas " + _SA_NOT + r"|(?:mehfooz|mahfooz|mehfuz|safe) " + _SA_NOT,
        r"bhaa?g (?:gay|gai|gaya|gaye|gya|gyi|gia|gayi)|gayab|ghar se (?:nikal|kadh|kad) (?:diya|"
        r"dia|dita)",
    ),
    "urgent_help": (
        r"madad (?:karein|karen|karo|kro|krein|kar do|kardo|chahiye|chahie|chaiye|chahye|chaidi|"
        r"chahidi|ki zaroorat|di lor)",
        r"bachao|bachaa lo|bacha lo|jaldi (?:\w+ )?(?:call|phone|fone|rabta)|foran|fauran|fouran|"
        r"turant",
        r"khatre (?:mein|me|ch|vich)|khatra",
    ),
    "honour_based_abuse": (
        r"zabardasti (?:\w+ )?(?:shadi|shaadi|nikah|nikkah|viah|vyah|viaah)|izzat (?:ke|"
        r"di) (?:naam|khatir)",
    ),
    "exploitation": (r"drugs (?:\w+ )?(?:bech|vech|le ja|pohncha)\w*",),
    "substance_risk_to_child": (
        r"nashe (?:mein|me|ch|vich|wich)|nasha (?:kar|kr)\w*|sharaa?b (?:pee|pi) (?:kar|ke|k)|"
        r"sharaa?bi",
    ),
}

# Families found missing by an independent check: word-order variants, other verbs and forms.
POLISH = extend(
    POLISH,
    {
        "self_harm_or_suicide": (
            r"nie (?:chce|chcialabym|chcialbym|chcemy) (?:\w+ ){0,3}zyc",
            r"sie (?:\w+ )?(?:tne|tnie|tniesz|pocial\w*|pocie\w*|okaleczam|okalecza|krzywdze)|"
            r"(?:pocial\w*|pocielam|pocielem) sie",
        ),
        "child_unsafe_or_missing": (
            r"nie (?:mam|mamy|ma|maja) gdzie (?:\w+ )?(?:spac|mieszkac|isc|pojsc|sie podziac|"
            r"nocowac|przenocowac)|bezdomn\w*",
            r"(?:wywiez\w*|wywiozl\w*|porw\w*|uprowadz\w*) (?:\w+ ){0,2}(?:dzieci|dziecko|syna|"
            r"corke|je|ich)",
            r"(?:boje sie|boimy sie|strach) (?:\w+ ){0,2}(?:wracac|wrocic|isc) do domu",
        ),
        "fear_of_person": (
            r"(?:chowa|chowamy|chowam|chowaja|ukrywa|ukrywamy|ukrywam|ukrywaja)\w* sie|"
            r"sie (?:chowa|chowamy|chowam|ukrywa|ukrywamy|ukrywam)\w*",
            r"(?:boimy|boi|boja|balam|balem|bala|bal|balismy|balysmy) sie (?:\w+ )?" + _PL_WHO,
        ),
        "domestic_abuse": (
            r"(?:za|lapal\w*|zlapal\w*|chwycil\w*) (?:\w+ )?(?:szyje|gardlo)",
            r"(?:zabral\w*|zabiera|chowa|schowal\w*) (?:\w+ )?(?:paszport\w*|dokumenty|"
            r"pieniadze)|nie pozwala (?:mi |nam )?(?:wychodzic|wyjsc|dzwonic|pracowac|"
            r"spotykac)",
        ),
        "physical_harm": (
            r"rzuca\w* (?:\w+ ){0,2}w (?:nas|mnie|nia|niego|dzieci)",
            r"(?:popycha\w*|popchnal\w*|pchnal\w*|szturcha\w*|szarpie|szarpal\w*|ciagnie|"
            r"ciagnal\w*|targa\w*) (?:\w+ ){0,2}(?:za (?:ucho|uszy|wlosy|reke|szyje)|mnie|nas|"
            r"go|ja|je)",
            _PL_OBJ + r" (?:\w+ )?(?:popycha\w*|popchnal\w*|pchnal\w*|szturcha\w*|ciagnie|"
            r"ciagnal\w*|targa\w*)",
        ),
    },
)

ROMANIAN = extend(
    ROMANIAN,
    {
        "domestic_abuse": (
            r"(?:strans|strange|strangea|strangand|strangul\w*|apucat|apuca) (?:\w+ ){0,2}"
            r"de gat|sugrum\w*",
        ),
        "child_unsafe_or_missing": (
            r"nu (?:am|avem|are|au) (?:\w+ )?unde (?:sa )?(?:dorm|dormim|stau|stam|locuiesc|"
            r"locuim|merg|mergem|ma duc|ne ducem)|fara adapost",
            r"(?:dormim|dorm|dormit|dormi) (?:\w+ )?(?:in masina|pe strada|afara)",
            r"(?:frica|teama|ma tem|ne temem) (?:\w+ ){0,3}(?:acasa|in casa)",
            r"rapit\w*|rapeasca|rapeste",
            r"(?:vine|veni|vina|venit) dupa (?:mine|noi|ea|copii)|(?:ma|ne) (?:suna|cauta|"
            r"urmareste|pandeste) (?:\w+ )?(?:noaptea|mereu|non stop|tot timpul|incontinuu)",
        ),
        "honour_based_abuse": (
            r"(?:casator|marit)\w* (?:\w+ ){0,3}(?:cu forta|fortat\w*|impotriva vointei)",
        ),
    },
)

SOMALI = extend(
    SOMALI,
    {
        "honour_based_abuse": (
            r"gudaan|gudayaan|gudnaan\w*|fircooni\w*",
            r"guur\w* (?:\w+ ){0,3}(?:aanan|aanay|aanu) (?:rabin|doonayn|jeclayn|ogolayn)",
            r"(?:qasb|khasb)\w* (?:\w+ ){0,3}guur\w*",
        ),
        "self_harm_or_suicide": (
            r"(?:ma rabo|ma doonayo|ma rabin|ma doonaayo|ma jecli) (?:inaan|in aan) (?:\w+ )?"
            r"nool\w*",
            r"nolosha (?:\w+ )?ka (?:daalay|quustay)",
        ),
        "sexual_abuse": (r"(?:ayaa|ayuu|wuu|way|baa) (?:\w+ )?taab\w*",),
        "domestic_abuse": (
            r"qoort\w* (?:\w+ ){0,2}(?:qabt|ceeji|cadaadi|mar|ku xir)\w*|(?:qabt|ceeji)\w* "
            r"(?:\w+ ){0,2}qoort\w*|ceejiy\w*|neefsan waay\w*",
        ),
        "child_unsafe_or_missing": (
            r"meel (?:\w+ ){0,3}(?:seexd|seexan|hoyd|joogno|joogo|noolaado)\w* (?:\w+ )?"
            r"(?:ma haysto|ma hayno|ma lihi|ma lihin|ma heli)|(?:hoy|guri|aqal) (?:la aan|laan|"
            r"lan)|hoylaan\w*",
        ),
    },
)

_SA_ABROAD = r"(?:pakistan|india|bangladesh|bharat|watan|desh|pind|mulk|kashmir|mirpur)"
_SA_TAKE = r"(?:le|lay|lai|lei|ly|leke|lekar|lay ke|le ke) (?:ja|jaa|jau|jaun|jay|jaye|jaey)\w*"

ROMANISED_SOUTH_ASIAN = extend(
    ROMANISED_SOUTH_ASIAN,
    {
        "child_unsafe_or_missing": (
            _SA_ABROAD + r" (?:\w+ ){0,2}" + _SA_TAKE,
            _SA_TAKE + r" (?:\w+ ){0,2}" + _SA_ABROAD,
            r"(?:rehne|rehan|rahne|rehn|rehnay|sone|saun|raat) (?:\w+ ){0,3}(?:jagah|jaga|jgah|"
            r"thaan|thikana|tikana|thikaana) (?:\w+ )?(?:nahi|nai|ni|nahin|nhi)",
            r"(?:aj|aaj) raat (?:\w+ ){0,2}(?:kithe|kidhar|kahan|kahaan|kithay)",
        ),
        "self_harm_or_suicide": (
            r"(?:khud|apne aap|apne ap) (?:ko|nu) (?:\w+ )?(?:khatam|khatm|khtm|mita|mitaa)",
            r"mar (?:jawan|jaavan|jaun|jaaun|jaon|jaoon|jawaan|jaye|javan|jaanwan)\w* (?:\w+ )?"
            r"(?:taan|tan|to|toh|tou) (?:changa|acha|achha|behtar|vadiya|theek)",
        ),
        "honour_based_abuse": (
            r"(?:shadi|shaadi|nikah|nikkah|viah|vyah|viaah|biyah|rishta)(?: \w+){0,4} "
            r"(?:zabardasti|zabardasti|zbardasti|zabrdasti|zbrdsti|majboor|majbur)",
            r"(?:zbardasti|zabrdasti|zbrdsti|majboor|majbur) (?:\w+ ){0,3}(?:shadi|shaadi|nikah|"
            r"nikkah|viah|vyah|viaah)",
        ),
        "fear_of_person": (r"(?:chhup|chhip|lukk)\w* ja\w*",),
        "domestic_abuse": (
            r"gal(?:a|e|ay) (?:\w+ )?(?:dab|daba|dabaya|dabaa|dabaaya|ghont|ghot|ghut|ghutt|"
            r"pakad|pakr|ghutya)\w*",
            r"(?:ghar|kamre|kamray|kamrey) (?:mein|me|main|ch|vich) (?:\w+ )?band (?:kar|kr)\w*",
            r"(?:bahar|baahar|bahir) (?:jane|jaane|nikalne|jan) (?:\w+ )?(?:nahi|nai|ni|nahin) "
            r"(?:deta|dete|deti|dinda|dende|dindi)",
            r"(?:baalon|balon|vaalan|walan) (?:se|ton|to) (?:\w+ )?(?:ghasit|ghaseet|kheench|"
            r"khinch|pakad|phad)\w*",
            r"passport (?:\w+ ){0,2}(?:chheen|chhin|cheen|rakh|chhupa|chupa|le liya|lay liya)\w*",
        ),
    },
)

LATIN_LEXICONS: dict[str, Lexicon] = {
    "en": ENGLISH,
    "pl": POLISH,
    "ro": ROMANIAN,
    "so": SOMALI,
    "ur-Latn": ROMANISED_SOUTH_ASIAN,
}

"""The English disclosure lexicon's first families, and the shape every lexicon shares.

See `surveys.screening_lexicon`, which adds the families found missing later and re-exports
everything here; import from there.
"""

from __future__ import annotations

Lexicon = dict[str, tuple[str, ...]]

# People a child or parent may be hurt by or afraid of ("my mums new boyfriend", "her dad").
_KIN = (
    r"(?:(?:my|our|her|his|their|the|ma|mums|moms|dads|me) (?:\w+ )?)?(?:step ?)?"
    r"(?:dad|daddy|father|farther|mum|mummy|mam|mom|mommy|mother|parents?|brother|sister|uncle|"
    r"aunt|auntie|aunty|grandad|granddad|grandpa|grandfather|nan|nana|grandma|cousin|partner|"
    r"husband|hubby|wife|boyfriend|boyfreind|bf|girlfriend|gf|ex|fella|fiance|stepdad|stepmum|"
    r"carer|lodger|neighbour|friend|mate|man|men|lads|boys|family)"
)
_HIM = r"(?:him|her|them|he|she|they|hes|shes|theyre)"
_FEAR = (
    r"(?:scared|scard|scaired|skared|sacred|afraid|afriad|frightened|frightend|fritened|"
    r"terrified|terified|petrified|feared|fearful|frighted)"
)
_HARM = (
    r"(?:hit|hits|hitt?ing|hittin|beat|beats|beating|beatin|punch|punches|punched|punching|"
    r"kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|"
    r"whack|whacks|whacked|thump|thumps|thumped|batter|batters|battered|bash|bashes|bashed|"
    r"hurt|hurts|hurting|burn|burns|burnt|burned|burning|strangle|strangles|strangled|choke|"
    r"chokes|choked|choking|attack|attacks|attacked|harm|harms|harmed|headbutt\w*|bites|abuse|"
    r"abuses|abused|abusing)"
)
_OBJ = (
    r"(?:me|us|him|her|them|my|our|his|mum|mummy|mom|mam|kids|children|babies|baby|"
    r"the (?:kids|children|child|baby|boys|girls|dog|little one))"
)
_PASSIVE_AUX = r"(?:get|gets|got|getting|been|being|was|were|am|is|are|im|hes|shes|keep getting)"
_DRUNK = (
    r"(?:drunk|high(?! (?:achiev\w*|risk|priority|school|marks|level|standards?|threshold|needs))|"
    r"stoned|wasted|pissed|smashed|out of it|off (?:his|her|their) faces?)"
)

ENGLISH: Lexicon = {
    "physical_harm": (
        _HARM + r" " + _OBJ,
        _PASSIVE_AUX + r" (?:\w+ )?(?:hit|beaten|beat up|battered|smacked|slapped|punched|"
        r"kicked|whacked|thumped|strangled|choked|burnt|burned|bitten|attacked|abused)",
        r"(?:being|getting|get|gets|got) hurt",
        r"beat(?:s|ing|en)? (?:me|us|him|her|them) up|beats? up|beaten up",
        r"(?:he|she|it|dad|mum) bit (?:me|my|him|her|us)",
        r"bruis(?:e|es|ed|ing)|black eye|broken (?:arm|wrist|ribs?|nose)",
        r"marks on (?:my|his|her|their|the) (?:\w+ )?(?:legs?|arms?|back|face|body|neck|bum|skin)",
        r"(?:shook|shakes|shaking|shake|shaken) (?:the|my|our|a|her|his) baby|shaken baby",
        r"(?:push|pushes|pushed|shove|shoves|shoved|drag|drags|dragged|throw|throws|threw) "
        r"(?:me|us|him|her) (?:down|over|against|into|out|across|by|around)",
        r"(?:pull|pulls|pulled|grab|grabs|grabbed) (?:me |us |him |her )?(?:by )?"
        r"(?:my|our|his|her) (?:hair|neck|arm|throat)",
        r"(?:throws?|threw|throwing) (?:\w+ ){0,2}at (?:me|us|him|her|the kids|the baby)",
        r"(?:grab|grabs|grabbed|grabbing|held|holds|pulled|pulls|dragged|drags) (?:\w+ ){0,3}by "
        r"(?:the|my|his|her|their) (?:hair|neck|throat|arms?|collar)",
        r"(?:give|gives|gave|giving|get|gets|got) (?:me |us |him |her )?(?:a )?(?:good )?"
        r"(?:hiding|beating|battering|kicking|slap|smack|thump|clip round)",
        r"(?:knocks?|knocked|knocking) (?:me|us|him|her|them) (?:about|around|out)",
        r"physical(?:ly)? (?:abuse|abused|abusing|hurt)",
        r"(?:with|the) (?:a |his |her )?(?:belt|slipper|cane|wooden spoon|hairbrush|hanger)",
    ),
    "fear_of_person": (
        _FEAR
        + r" (?:of|by) (?!losing|loosing|going)(?:what )?(?:\w+ ){0,2}?(?:"
        + _HIM
        + r"|"
        + _KIN
        + r")",
        _FEAR + r" (?:to go|of going|to be|of being|to stay|to sleep) (?:back )?"
        r"(?:home|at home|in the house|alone with)",
        _FEAR + r" (?:at|in) (?:my |our |the )?(?:home|house)",
        _FEAR
        + r" (?:that )?(?:he|she|dad|mum|my ex|my dad|my mum) (?:will|would|might|is going to|"
        r"gonna|could) (?:hurt|hit|kill|come back|find|do something|beat|attack)",
        r"(?:he|she|they|him|dad|mum|ex|partner|husband|boyfriend|stepdad|brother|uncle|man) "
        r"(?:scares|frightens|terrifies|intimidates) (?:me|us|the kids|my|her|him)",
        r"(?:he|she|they|hes|shes|dad|mum|ex|partner|husband|boyfriend|stepdad) (?:\w+ )?"
        r"(?:threatens|threatened|keeps threatening|is threatening|has threatened)",
        r"(?:sending|sends|sent|getting|got|receiving|had) (?:me )?(?:threats|threatening)",
        r"threatening (?:messages|texts|calls|me|us)|intimidat(?:es|ed|ing) (?:me|us)",
        r"(?:knows|found|found out|finds out|find out) (?:out )?(?:where (?:we|i) (?:live|are|"
        r"moved)|"
        r"(?:our|my) (?:new )?address)",
        r"stalk(?:s|ed|ing)?|(?:following|follows|followed) me (?:home|around|everywhere|to|from)",
        r"watching (?:the|our|my) (?:house|flat)",
        r"(?:anxious|nervous|worried|scared|afraid|frightened|terrified|dreading) (?:about|of) "
        r"(?:seeing|facing|meeting|being (?:in the same room as|near|with)) (?:my|the|her|his) "
        r"(?:ex|ex partner|ex husband|partner|husband|abuser|dad|father)",
        r"(?:youll|you will|ill|i will|shell|hell|youre gonna|you are going to) regret (?:it|this)",
    ),
    "domestic_abuse": (
        r"domestic (?:abuse|violence)|dv|violent|violence|coercive|controlling (?:behaviour|me|"
        r"her|partner)",
        r"controls (?:all )?(?:the |my )?(?:money|phone|finances|everything)",
        r"(?:he|she|partner|husband|ex|boyfriend|dad) (?:\w+ )?(?:wont|doesnt|will not|does not|"
        r"never) "
        r"let me (?:see|go|leave|out|have|work|talk to)",
        r"(?:grabbed|grabs|holds|held|had|put|puts) (?:me )?(?:by )?(?:my |the )?(?:throat|neck)",
        r"hands? (?:round|around|on) (?:my|her) (?:neck|throat)|strangl\w*|chok(?:e|es|ed|"
        r"ing) (?:me|her)",
        r"smash(?:es|ed|ing)? (?:things|stuff|up|the)|punch(?:es|ed|ing)? (?:a hole|holes|the wall|"
        r"walls|the door|doors)",
        r"(?:partner|husband|hubby|boyfriend|boyfreind|bf|ex|fella|he|dad|daddy|stepdad) "
        r"(?:\w+ ){0,3}(?:hits|beats|hurts|punches|kicks|slaps|chokes|strangles|attacks|batters|"
        r"pushes|abuses|knocks) (?:my mum|mum|mummy|mom|mam|her|me)",
        r"(?:pinned|pins|pinning) (?:me|her|us) (?:to|against|down|up)",
        r"(?:kicks?|kicked|punch\w*|hit\w*) (?:me|her) in (?:the|my|her) (?:stomach|belly|tummy|"
        r"face|head)",
    ),
    "sexual_abuse": (
        r"touch(?:es|ed|ing)? (?:me|us|him|her|my|them|our)",
        r"private (?:parts?|areas?|bits|places)|privates|willy|penis|vagina|fanny|boobs",
        r"rap(?:e|ed|es|ing|ist)|sexual(?:ly)?|sex with|(?:has|had|have|having) sex",
        r"molest\w*|paedo\w*|pedo\w*|nonce|grope\w*|groped|fondl\w*|interfer(?:e|es|ed|ing) with",
        r"(?:makes?|made|making|forces?|forced) (?:me|us|her|him) (?:to )?(?:do (?:things|stuff|"
        r"sexual)|touch|watch|take (?:my|her|his|off)|undress|kiss|sit on)",
        r"(?:does|did|doing|do) (?:bad |horrible |nasty |weird |rude )?(?:things|stuff) to (?:me|"
        r"us|her|him)",
        r"(?:comes|came|coming|gets|got|getting|creeps|climbs) (?:in|into) (?:my|our|her|his) "
        r"(?:room|bed|bedroom)",
        r"porn\w*|nudes|naked|(?:dick|nude) pics?|(?:pics|pictures|photos) of (?:his|"
        r"her) (?:private|willy)",
        r"(?:films|filmed|filming|photographs|records|recording|watches|watching) (?:me|us|her|"
        r"him) "
        r"(?:in the (?:shower|bath)|naked|getting (?:changed|undressed)|undressed)",
        r"(?:sit|sits|sitting|sat) on (?:his|her) lap",
        r"(?:says|said|told me|tells me) (?:its|it is|it was|this is) (?:a|our) secret|"
        r"our (?:little )?secret",
    ),
    "neglect": (
        r"no food|nothing to eat|not (?:enough|any) food|never any food|no (?:dinner|breakfast|"
        r"meals?)",
        r"(?:hasnt|havent|hadnt|not) (?:\w+ )?eaten|(?:dont|doesnt|didnt|never) get (?:\w+ )?"
        r"(?:fed|food|meals|tea|dinner)|(?:wont|dont) let (?:me|us|him|her) eat",
        r"hungry|starv\w*|no (?:heating|electric|electricity|gas|hot water|beds?|bed to sleep)",
        r"(?:sleep|sleeps|sleeping|slept) (?:\w+ )?on the floor",
        r"(?:left|leaves|leave|leaving) (?:us|me|them|him|her|the kids|the children|the baby)? ?"
        r"(?:alone|on (?:our|my|their|his|her) own|home alone|by (?:our|my|them)sel\w*)",
        r"home alone|(?:look after|feed) (?:my|our) (?:baby|little) (?:brother|sister)",
        r"(?:dirty|filthy|soiled|no clean) (?:clothes|nappies|nappy|house|bed)",
        r"(?:forgets?|forgot) to (?:feed|pick (?:us|me|him|her) up|collect)",
        r"not (?:taken|take|took) (?:\w+ )?to (?:the )?(?:doctor|gp|hospital|dentist)",
    ),
    "self_harm_or_suicide": (
        r"(?:want|wanted|wish|wanting|going|want) to die|wanna die|feel like dying",
        r"wish i (?:was|were) (?:dead|never born)",
        r"(?:want to|rather) be dead|better off (?:dead|without me)",
        r"kill(?:ing)? my ?self|kms|kys|end (?:it all|my life)|ending (?:it all|my life|it)",
        r"(?:to|gonna|wanna|might|will|ill|just|as well|could|should) (?:just )?end (?:it|things|"
        r"everything)",
        r"(?:take|taking|took) my (?:own )?life",
        r"suicid\w*|self ?harm\w*|(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harming|hang|"
        r"hanging) my ?self",
        r"slit (?:my|her|his) wrists?|jump(?:ing)? (?:off|in front of)",
        r"overdos\w*|(?:taken|take|taking|took) (?:a load of |all (?:my|the|her|his) |loads of |"
        r"too many |"
        r"lots of |a bunch of )?(?:tablets|pills|paracetamol)",
        r"no point (?:in )?(?:living|going on|being alive)|cant go on|dont want to (?:live|"
        r"be alive|"
        r"be here|wake up)|(?:live|living) or die|nobody would (?:care|miss me)",
        r"wont be (?:here|around) (?:for )?(?:much )?(?:longer|long|tomorrow|anymore)",
        r"(?:life|living) (?:isnt|is not|aint) worth|not worth living|done with life|"
        r"give up on life",
    ),
    "threat_to_kill_or_weapon": (
        r"kill (?:me|you|us|her|him|them|the kids|the children|the baby|my|mum|dad|himself|"
        r"herself)",
        r"(?:hell|shell|ill|theyll|will|gonna|going to|wants to|threatened to|threatens to|"
        r"tried to) kill",
        r"murder\w*|stab(?:s|bed|bing|ber)?|knife|knives|machete|blade|gun|guns|pistol|shoot|"
        r"shot (?:at|me|him|her)",
        r"weapons?|acid|set fire|(?:burn|burning) (?:down )?(?:the|our|my) (?:house|flat|home)",
    ),
    "child_unsafe_or_missing": (
        r"(?:dont|do not|never|not|wont) (?:want|wanna|wanting) (?:to )?(?:go|going|be|live|stay) "
        r"(?:back )?(?:home|at home|there|to (?:my )?(?:dads|mums|home|his|hers))",
        r"(?:not|never|isnt|arent) (?:\w+ )?safe|(?:dont|do not|never) (?:\w+ )?feel safe|unsafe",
        r"nowhere (?:safe|to go)",
        r"(?:ran|run|running|runs) away|runaway|(?:is|been|went|gone|go|going|reported|was) "
        r"missing|missing (?:since|for|from)",
        r"(?:hasnt|has not|havent|have not|hadnt|didnt|did not|not|never) (?:\w+ )?"
        r"(?:come|came|been|returned|gone) (?:back )?home",
        r"kicked (?:me |us |him |her |them )?out|(?:thrown|chucked) (?:me |us )?out|homeless",
        r"(?:sleeping|sleep|slept) (?:rough|outside|in (?:a|the) (?:park|car|street|streets|"
        r"stairwell)|"
        r"on the streets?|at (?:a )?mates)|sofa surf\w*",
        r"lock(?:s|ed)? (?:me|us|him|her|them) (?:in|out|up)|locked (?:in|up) (?:my|our|the|a) "
        r"(?:room|bedroom|cupboard)",
        r"(?:cant|cannot|not allowed to|scared to|afraid to|wont let me) (?:tell|say) (?:you |"
        r"anyone |"
        r"anybody )?(?:what happens|whats happening|what goes on|about home)",
        r"(?:things|it|life|stuff) at home (?:is|are|has got|have got|getting|is getting|"
        r"are getting) "
        r"(?:\w+ )?(?:worse|bad|scary|horrible)",
        r"(?:been in|out of|released from) prison for (?:\w+ ){0,2}(?:hurting|abusing|attacking|"
        r"harming|"
        r"sexual|assault|violence)|sex offender|schedule (?:one|1) offender",
        r"(?:he|she|dad|mum|ex) (?:will|would|might|is going to|gonna|wants to|threatened to) "
        r"(?:take|snatch|abduct) (?:the|my|our) (?:kids|children|baby|son|daughter|boy|girl)",
        r"take (?:the|my|our) (?:kids|children|baby) (?:and (?:disappear|run|leave)|abroad|"
        r"out of the country)",
    ),
    "exploitation": (
        r"county lines|trap house|cuckoo\w*|gangs?",
        r"(?:carry|carrying|carries|hold|holding|holds|sell|selling|sells|deal|dealing|deliver|"
        r"delivering|move|moving|drop|dropping|run|running) (?:\w+ )?(?:drugs|weed|coke|crack|"
        r"heroin)",
        r"(?:carry|carrying|carries|hold|holding|holds|deliver|delivering|move|moving|drop|"
        r"dropping) "
        r"(?:\w+ )?(?:stuff|packages|bags|parcels) (?:for|to) (?:him|them|these|some|older|a|the)",
        r"(?:made|forced|told|asked|pressured) to (?:carry|sell|hold|move|deliver)",
        r"(?:owe|owes|owed|owing) (?:them|him|the|money|a debt)|in debt to",
        r"older (?:men|man|boys|lads|guys|males)|(?:man|men|guy|bloke) (?:in (?:his|their) (?:20s|"
        r"30s|40s|"
        r"50s|twenties|thirties|forties)|much older)",
        r"groom\w*|exploit\w*",
        r"(?:asks?|asked|asking) (?:her |him |me |my \w+ )?(?:for|to send) (?:pics|pictures|photos|"
        r"nudes|selfies)",
        r"(?:buys?|bought|buying|gives?|gave|giving) (?:her|him|me|them|my \w+|our \w+) "
        r"(?:cash|things|stuff|presents|"
        r"gifts|money|"
        r"phones?|drugs|alcohol|vapes|cigarettes|trainers|clothes)",
        r"(?:come|comes|came|coming) home with (?:\w+ ){0,3}(?:phone|money|cash|trainers|clothes|"
        r"gifts)",
        r"(?:im|i am|she is|shes|he is|hes|my daughter is|my son is) (?:only )?(?:1[0-5]|[89]|"
        r"twelve|"
        r"thirteen|fourteen|fifteen) (?:and|but) (?:my|her|his) (?:boyfriend|bf|girlfriend|gf|"
        r"partner) "
        r"is (?:1[89]|[2-9][0-9])",
        r"(?:boyfriend|bf|girlfriend|gf|partner) is (?:1[89]|[2-9][0-9]) (?:and|but) (?:im|i am|"
        r"she is|shes|he is|hes) (?:only )?(?:1[0-5]|[89]|twelve|thirteen|fourteen|fifteen)",
        r"online (?:\w+ ){0,3}(?:man|men|stranger|older)|(?:asking|asks|asked|wants) (?:her|him|"
        r"me) "
        r"to meet",
        r"keep (?:it )?(?:a )?secret|keep it between (?:us|you and me)",
        r"send(?:s|ing)? (?:him|her|them|me) (?:to|off to|out to) (?:other|different|another) "
        r"(?:towns?|cities|city|areas?|places)",
    ),
    "substance_risk_to_child": (
        r"(?:too|so|really|always|often|very|constantly) "
        + _DRUNK
        + r" (?:to|and|when)|too "
        + _DRUNK,
        r"(?:mum|mummy|mom|mam|dad|daddy|he|she|they|parents?|carer|stepdad) (?:is|are|was|were|"
        r"gets|"
        r"get|got) (?:\w+ )?" + _DRUNK,
        r"(?:takes?|taking|took|smokes?|smoking|injects?|injecting|does|doing|on|uses|"
        r"using) (?:drugs|"
        r"crack|heroin|smack|coke|cocaine|spice|meth|ketamine|ket)",
        r"(?:drugs|crack|heroin|weed|cannabis|spice|needles) (?:\w+ ){0,3}(?:in front of|around|"
        r"near) "
        r"(?:us|the kids|the children|the baby|me|them)",
        r"(?:passes|passed|passing) out|(?:turns|turned|comes|came|coming) (?:up|home|round) "
        + _DRUNK,
        r"drinks? (?:all day|every day|all the time|too much)|drink driv\w*|drives? drunk",
    ),
    "urgent_help": (
        r"(?<=\A )(?:please )?help(?: me| us)?(?: please)?(?= \Z)",
        r"please help|help me|help us|someone help|help please|need (?:\w+ )?help (?:now|urgently|"
        r"asap|"
        r"today|please)",
        r"urgent\w*|emergency|sos|999|in danger|come (?:quick|now|quickly)|call the police",
        r"(?:he|she|they|hes|shes|theyre) (?:is |are )?(?:outside|at the door) (?:the |our |my )?"
        r"(?:house|flat|door|home|school|now|again)",
        r"(?:he|she|they|hes|shes|theyre) (?:is |are )?back (?:in|at) (?:the|our|my) (?:house|"
        r"flat)",
        r"(?:call|ring|phone|contact) me (?:today|now|asap|urgently|straight away|right away|"
        r"as soon as)",
        r"please (?:call|ring|phone) (?:me )?(?:urgently|now|today)",
    ),
    "honour_based_abuse": (
        r"forced (?:to )?marr\w*|force (?:me|her|him) to marry|(?:make|makes|making|made) (?:me|"
        r"her|him) "
        r"(?:to )?marry|forced marriage",
        r"(?:taking|take|send|sending|sent) (?:me|her|him|us) (?:abroad|back home|"
        r"to \w+) (?:to (?:get )?"
        r"marr\w*|for (?:a |an )?(?:marriage|wedding))",
        r"to get married (?:and|but) (?:i|she|he) (?:dont|doesnt|does not|do not) want",
        r"fgm|female genital|(?:cut|cutting) (?:\w+ )?(?:when we go|back home|abroad|"
        r"in the holidays)",
        r"honour|dishonour|bring(?:ing)? shame",
    ),
}

# Idioms and process words that look like harm but are not; blanked before English matching.
ENGLISH_BENIGN: tuple[str, ...] = (
    r"help (?:me|us) (?:to )?(?:understand|fill|read|with|get|find|prepare|know|access|complete|"
    r"make sense|write)",
    r"(?:dying|died) (?:to|for)|(?:bored|embarrassed|worried) to death",
    r"(?:it|that|this|which|report|news|reality|words?) (?:really |just |kind of )?(?:hit|hurt|"
    r"killed|"
    r"kills|touched) (?:me|us)",
    r"hurt (?:my|our|his|her) (?:feelings|pride)|(?:killed|smashed|nailed) it",
    r"(?:keep|kept|get|got|getting|stay|be) in touch|touch base",
    r"(?:not|never|no longer) (?:scared|afraid|frightened|terrified) (?:of|by) (?:anyone|anybody|"
    r"anything)",
    r"(?:report|reports|minutes|information|documents?|paperwork|details|pages?|agenda|link|invite|"
    r"letter|file|sections?|evidence|interpreter|chair|police|school|health|agency|agencies) "
    r"(?:\w+ )?(?:was|were|is|are|went|been) missing",
    r"missing (?:school|lessons|classes|appointments|college|out|information|documents|paperwork)",
    r"(?:my|our|his|her|their) older (?:boys|lads|sons|kids|children|ones)",
)


def extend(base: Lexicon, extra: Lexicon) -> Lexicon:
    """BASE with EXTRA's alternatives appended under each reason (a new dict; BASE is kept)."""
    return {key: base.get(key, ()) + extra.get(key, ()) for key in {**base, **extra}}

"""Broad, language-general signals for the disclosure screen, tried when no specific rule fires.

The lexicons in `screening_lexicon*.py` name specific ways of disclosing harm, and an independent
check found each new phrasing missed until someone added it (recall about 0.55-0.61 on fresh
text). These signals generalise instead, trading some precision for recall ("conservative by
design"):

* `concern_near_person`: a person at home or around the child ("he", "mums boyfriend", "uncle",
  "someone", and each language's own words) within a few words of a broad CONCERN word (fear,
  hurt, body and bed, drink and drugs, shouting, locking in, phone or money taken, secrets, left
  alone or hungry, police or hospital, weapons, death, running away, threats, taking children
  abroad). A child-voice or home marker ("at night", "in my room", "at home") counts as a
  person next to a STRONG concern word.
* `distress`: a first-person plea or statement of distress anywhere ("I can't cope", "I don't
  feel safe", "please help", "I need to talk to someone").

Suppression is narrow: a concern word within a few words of a process word ("the meeting", "the
report", "the social worker") does not count, and a text that only distances itself ("years
ago", "in the past", "sober for") with no present cue ("now", "again", "still") is left alone.

Every list is native to its language and matched from a word start; stems end in `\\w*` or
`\\S*` where endings vary. Arabic-script words may carry a clitic or verb prefix. All lists need
review by native speakers and a safeguarding practitioner.
"""

from __future__ import annotations

import functools
import re

from surveys.screening_guard import alternation

WINDOW = 8  # words between a person and a concern word, at most
NEAR_PROCESS = 5  # a concern word this close to a process word is about the process

# ---------------------------------------------------------------- people around the child
PERSON_EN = (
    r"he|she|hes|shes|him|someone|somebody|some one|"
    r"(?:step ?)?(?:dad|daddy|daddys|dads|mummys|nans|grandads|uncles|father|fathers|mum|mummy|"
    r"mums|mam|mams|mom|moms|mother|"
    r"mothers|parents?|brothers?|sisters?|stepdads?|stepmums?|stepfathers?|stepmothers?|"
    r"stepbrothers?|"
    r"stepsisters?)|"
    r"boy|girl|uncles?|aunts?|aunties?|aunty|cousins?|grandad|grandads|granddad|grandpa|grandma|"
    r"grandmas|"
    r"nan|nans|nana|grandfather|grandmother|partners?|husbands?|wife|boyfriends?|girlfriends?|"
    r"bf|bfs|ex|exs|fella|fellas|man|men|mans|lads|boys|older (?:boys|lads|men|man|kids)|"
    r"friends? of|neighbours?|lodgers?|carers?|landlord|her (?:dad|mum|partner|boyfriend)"
)
PERSON_PL = (
    r"ona|oni|jego|jej|ktos|maz|meza|mezem|mezowi|partner\w*|chlopak\w*|konkubent\w*|"
    r"ojciec|ojca|ojcem|ojczym\w*|tata|taty|tato|tatus\w*|mama|mamy|mame|matka|matki|wuj\w*|"
    r"brat|brata|bratem|brac\w*|siostr\w*|kuzyn\w*|dziad\w*|babci\w*|sasiad\w*|facet\w*|"
    r"mezczyzn\w*|kolega\w*|koledz\w*|znajom\w*"
)
PERSON_RO = (
    r"el|ea|ei|ele|lui|cineva|sot|sotul|sotului|partener\w*|iubit\w*|concubin\w*|tata|tatal\w*|"
    r"tatic\w*|mama|mamei|mama\w*|unchi\w*|frate\w*|sora|surori\w*|var|varul\w*|bunic\w*|"
    r"barbat\w*|vecin\w*|prieten\w*|baiet\w*"
)
PERSON_SO = (
    r"nin|nink\w*|aab\w*|hooy\w*|adeer\w*|abti\w*|walaal\w*|isag\w*|iyad\w*|iyag\w*|saaxiib\w*|"
    r"qof\w*|rag|ragg\w*|wiil\w*|odey\w*|oday\w*|eedo\w*|habaryar\w*"
)
PERSON_SA_LATN = (
    r"shohar|shauhar|shohor|khawand|khavand|gharwala|gharwale|pati|abbu|abba|ammi|ammy|amma|"
    r"papa|chacha|chachu|mamu|mamoo|taya|tayya|phupha|khalu|bhai|bhaiya|behen|bhen|dost|"
    r"larke|larkay|larka|munde|munda|banda|bande|aadmi|admi|woh|usne|usnay|unhone|"
    r"unhon|uss|ous|koi|sasur|saas|devar|dewar|jeth|boyfriend|sotela|sotele|soteli"
)
PERSON_LATIN = "|".join((PERSON_EN, PERSON_PL, PERSON_RO, PERSON_SO, PERSON_SA_LATN))

# Arabic script (Urdu, Shahmukhi, Arabic), Gurmukhi, Bengali: stems, matched from a word start.
PERSON_ARABIC = (
    r"شوہر|شوهر|خاوند|میاں|ابو|ابا|ابی|والد|امی|ماں|والدہ|چچا|ماموں|تایا|خالو|پھوپھا|بھائی|"
    r"بہن|کزن|سسر|ساس|دیور|جیٹھ|سوتیل|دوست|مرد|آدمی|لڑکے|لڑکا|وہ|اس نے|انہوں|پیو|پئیو|ماپے|"
    r"بندہ|بندے|کوئی|اوہ|اونہاں|"
    r"زوج|أب|أبو|أبي|ابوه|والده|أم|أمي|عم|عمي|خال|خالي|أخ|أخي|أخو|أخت|صديق|رجل|رجال|شاب|"
    r"شباب|هو|هي|هم|أحد|شخص|جار"
)
PERSON_GURMUKHI = (
    r"ਪਤੀ|ਘਰਵਾਲ|ਪਿਤਾ|ਪਿਓ|ਪਿਉ|ਡੈਡੀ|ਮੰਮੀ|ਮਾਂ|ਚਾਚ|ਮਾਮ|ਤਾਇਆ|ਭਰਾ|ਭੈਣ|ਸੱਸ|ਸਹੁਰ|ਦੋਸਤ|ਬੰਦ[ਾੇ]|"
    r"ਆਦਮੀ|ਮੁੰਡ|ਉਹ|ਕੋਈ|ਜੀਜਾ|ਦਿਓਰ"
)
PERSON_BENGALI = (
    r"স্বামী|বাবা|আব্বা|আব্বু|মা |মায়|মাকে|মায়ের|আম্মা|আম্মু|চাচা|মামা|কাকা|খালু|ফুফা|ভাই|বোন|"
    r"দাদা|নানা|শ্বশুর|শাশুড়ি|বন্ধু|লোক|ছেলেরা|ছেলেগুলো|সে |ও |ওর|ওকে|উনি|তিনি|কেউ|সৎ"
)

# Child-voice and home markers: stand in for a person next to a STRONG concern word.
CONTEXT_LATIN = (
    r"at night|in the night|every night|all night|through the night|at home|in the house|"
    r"in my room|my bedroom|in my bed|"
    r"his|when mum(?:s| is)? out|when (?:he|she|they) (?:comes?|gets?) (?:in|home|back)|"
    r"after school|"
    r"comes? in(?:to)?|(?:makes?|made) me(?! want| wanna| feel)|w domu|w nocy|acasa|noaptea|"
    r"in casa|guri\w*|habeen\w*|"
    r"ghar|raat|raat ko"
)
CONTEXT_ARABIC = r"گھر|رات|کمرے|البیت|البيت|بيت|الليل|ليلا|غرف"
CONTEXT_GURMUKHI = r"ਘਰ|ਰਾਤ|ਕਮਰ"
CONTEXT_BENGALI = r"বাড়ি|বাসা|রাতে|ঘরে"

# ---------------------------------------------------------------- concern words
# STRONG: signs of harm or fear on their own. WEAK: signs only next to a person.
STRONG_EN = (
    # round 2 (added after the probe's held-out rows were first run): more ways of hurting,
    # destroying things, punishing, and hiding it
    r"pinch\w*|squeez\w*|shake|shakes|shaking|shaken|shook|throw\w*|threw|drag\w*|bites|biting|"
    r"scratch\w*|twist\w*|(?:hold\w*|held|pin\w*) (?:me|us|him|her|them) down|wound up|"
    r"in a (?:mood|rage|state)|stand in the corner|so (?:nobody|no one|noone) (?:sees|knows|can)|"
    r"smash\w*|breaks|breaking|broke|fist|"
    r"scared|scard|scary|scares|afraid|frighten\w*|fright|terrif\w*|petrified|panic\w*|fear\w*|"
    r"hurt\w*|pain\w*|bruis\w*|blood\w*|bleed\w*|injur\w*|burn\w*|hit|hits|hitting|beat\w*|"
    r"punish\w*|belt|smack\w*|slap\w*|kick\w*|punch\w*|chok\w*|strangl\w*|by the neck|throat|"
    r"drunk\w*|drink\w*|vodka|beer|cans|wine|alcohol\w*|booze\w*|drug\w*|weed|stoned|high|"
    r"cocaine|coke|crack|intoxicat\w*|methadone|pills|tablets|overdos\w*|"
    r"shout\w*|scream\w*|yell\w*|angry|anger|rage\w*|temper\w*|furious|fight\w*|violen\w*|"
    r"lock|locks|locked|locking|shut (?:me|us|him|her|them|in)|not allowed|wont let|doesnt let|"
    r"dont let|never lets?|wedge\w*|barricad\w*|hide|hiding|hid|"
    r"home alone|left alone|on (?:my|our|his|her|their) own|no food|nothing to eat|hungry|"
    r"starv\w*|no heating|no gas|no electric\w*|freezing|"
    r"police|999|ambulance|hospital|a and e|knife|knives|weapon\w*|gun|guns|"
    r"die(?! for| of)|dies|died|dead|death|kill\w*|suicid\w*|"
    r"never see (?:\w+ ){0,2}again|if (?:i|we|you|anyone|someone|she|he) (?:\w+ )?tells?|"
    r"finds? out|"
    r"run away|ran away|running away|missing|not (?:go|going|come|coming) (?:back )?home|"
    r"dont want to go (?:back )?home|cant go back|nowhere to (?:go|stay|sleep)|sofa surf\w*|"
    r"threat\w*|or else|take the (?:kids|children|baby)|send (?:me|us|them|her|him) back|"
    r"abroad|back home|pakistan|india|bangladesh|somalia|"
    r"wets? (?:himself|herself|themselves|the bed)|wet (?:himself|herself|the bed)|unsafe|not safe"
)
WEAK_EN = (
    r"plays? (?:doctors|games?|tickl\w*)|tickl\w*|cuddl\w*|lifts?|sweets|comes? back quiet|"
    r"sleeps? all day|(?:wont|doesnt|does not|dont) wake up|make (?:our|my|their) own|"
    r"touch\w*|kiss\w*|body|private\w*|bed|beds|bedroom|bath|bathroom|shower\w*|undress\w*|"
    r"naked|nude\w*|lap|photos?|pictures?|pics|videos?|secret\w*|dont tell|not to tell|"
    r"cant tell|special (?:girl|boy|friend)|game|"
    r"phone|passport|money|cash|bank card|card|wages|pay|payday|benefits|messages|"
    r"watch\w*|follow(?:s|ed|ing)? (?:me|us|her|him|them|my)|track\w*|check\w*|"
    r"left with|leaves (?:us|them|me|him|her)|goes out|went out|out all night|turns? up|"
    r"outside the house|parking outside|"
    r"knows where|where we (?:are|live)|cold|dirty|nappy|"
    r"makes? me|made me|comes? in(?:to)?|packages|parcels|trainers|gifts|older|car|cars|"
    r"staying at|sleep(?:ing)? (?:at|somewhere|on)|go out|see (?:my|our) family|medication|"
    r"moved back|back in|nobody knows|no one knows"
)
STRONG_PL = (
    r"boj\w*|boi sie|bal|bala|balam|balem|balismy|baly|bali|strach\w*|przeraz\w*|bije|bija|bil|"
    r"bila|bic|uderz\w*|krzywd\w*|"
    r"siniak\w*|bol|krew|pije|pija|pil|pila|pijan\w*|alkohol\w*|wodk\w*|narkot\w*|krzycz\w*|"
    r"wrzeszcz\w*|zlosc\w*|agres\w*|zamyk\w*|zamkn\w*|nie pozwala|glod\w*|policj\w*|szpital\w*|"
    r"karetk\w*|noz|noz\w*|bron|zabi\w*|zabij\w*|smierc\w*|umrz\w*|grozi\w*|groz\w*|ucie\w*|"
    r"wywiez\w*|sama w domu|sam w domu|nie ma jedzenia|nie bezpieczn\w*|niebezpieczn\w*"
)
WEAK_PL = (
    r"kaz\w*|kolan\w*|"
    r"dotyk\w*|zdjec\w*|filmuje\w*|nago|nagi\w*|przebiera\w*|kapiel\w*|lozk\w*|sekret\w*|"
    r"tajemnic\w*|"
    r"telefon\w*|pieniadz\w*|wyplat\w*|karte|karta|paszport\w*|sledz\w*|sprawdza\w*|zabiera\w*|"
    r"zimn\w*|wraca\w*"
)
STRONG_RO = (
    r"frica|fric\w*|teama|speri\w*|ma tem|se teme|loveste|lovesc|lovea|lovit\w*|bate|batut\w*|"
    r"bataie|"
    r"curea|durer\w*|vanat\w*|sange|bea|beat|beata|baut|alcool\w*|drog\w*|tipa|tipat\w*|urla\w*|"
    r"furie|nervos|incui\w*|inchi\w*|nu ma lasa|nu ne lasa|foame|flamand\w*|fara mancare|"
    r"politi\w*|spital\w*|ambulant\w*|cutit\w*|arma|omor\w*|ucid\w*|moar\w*|murit|mor|sinucid\w*|"
    r"fug\w*|amenint\w*|dispar|nu mai pot"
)
WEAK_RO = (
    r"atinge\w*|atins\w*|poze|fotograf\w*|video\w*|dezbrac\w*|pat|patul|baie|secret\w*|"
    r"telefon\w*|bani|salariu\w*|pasaport\w*|urmares\w*|verifica\w*|singur\w*|frig|mancare"
)
STRONG_SO = (
    r"baq\w*|cabsi\w*|garaac\w*|dil|dila\w*|dilay\w*|dilo|dhaawac\w*|dhiig\w*|xanuun\w*|khamri\w*|"
    r"sakhraan\w*|"
    r"daroog\w*|qayli\w*|xanaaq\w*|xir\w*|gaajo\w*|boolis\w*|isbitaal\w*|mindi|hub|dhimas\w*|"
    r"hanjab\w*|carar\w*|soomaaliya|dalka|cunto ma|ma helaan|qabow"
)
WEAK_SO = r"taabt\w*|sawir\w*|taleefan\w*|lacag\w*|baasaboor\w*|kali\w*|cunto|qaad\w*"
STRONG_SA_LATN = (
    r"dar|darr|darta|darti|darte|darr?lag\w*|khauf|maar\w*|mar(?:ta|ti|te|tay|da|di|de|ega|enge|"
    r"na|ne)|"
    r"mar ja\w*|"
    r"peet(?:a|e|i|ta|ti|te|na)|kutt\w*|chot\w*|"
    r"zakhm\w*|khoon|nasha|nashe|nashay|sharab\w*|daru|cheekh\w*|gussa|ghussa|band kar\w*|"
    r"cheen\w*|bhook\w*|bhukh\w*|khana nahi|police|hospital|chaku|chhuri|churi|khudkushi|"
    r"bhaag\w*|bhag\w*|ghar nahi|dhamki\w*|dhamkian|pakistan|india|bangladesh|watan|"
    r"nahi jane|nahi aata|nahi aati|jane nahi"
)
WEAK_SA_LATN = (
    r"gaari|gari|gaadi|gadi|bithat\w*|"
    r"phone|passport|paise|paisay|paisa|akel\w*|kamre\w*|bistar|tasveer\w*|photo\w*|bhej\w*|"
    r"le ja\w*|lay ja\w*|chhu\w*|haath|bahar|raat"
)
STRONG_LATIN = "|".join((STRONG_EN, STRONG_PL, STRONG_RO, STRONG_SO, STRONG_SA_LATN))
WEAK_LATIN = "|".join((WEAK_EN, WEAK_PL, WEAK_RO, WEAK_SO, WEAK_SA_LATN))

STRONG_ARABIC = (
    # Urdu and Shahmukhi
    r"ڈر|خوف|مار|پیٹ|پٹائی|زخم|چوٹ|نشان|خون|درد|شراب|نشہ|نشے|چرس|ڈرگ|چیخ|غصہ|غصے|بند کر|تالا|"
    r"باہر نہیں|بھوک|بھوکے|کھانا نہیں|پولیس|ہسپتال|چاقو|چھری|قتل|خودکشی|بھاگ|گھر نہیں|دھمکی|"
    r"دھمکیاں|پاکستان|بھارت|واپس بھیج|منع|راز|چھپ|"
    # Arabic
    r"خوف|خائف|خايف|يخاف|تخاف|اخاف|أخاف|نخاف|ضرب|يضرب|تضرب|أذى|اذى|يؤذي|جرح|كدمات|كدمة|"
    r"ألم|الم|سكران|خمر|كحول|مخدرات|حشيش|يصرخ|صراخ|غضب|عصبي|يقفل|قفل|يحبس|حبس|محبوس|"
    r"جوع|جائع|جوعان|جوعى|لا يوجد طعام|برد|شرطة|الشرطة|بوليس|مستشفى|إسعاف|اسعاف|سكين|سلاح|"
    r"يقتل|قتل|أموت|اموت|انتحار|هرب|يهرب|تهديد|يهدد|تهدد|بلده|بلدهم|الرجوع"
)
WEAK_ARABIC = (
    r"ہاتھ لگا|چھو|کمرے|کمرہ|بستر|تصویر|تصویریں|ویڈیو|فون|پاسپورٹ|پیسے|اکیل|لے جا|بتان|"
    r"يلمس|لمس|تحرش|صور|فيديو|سرير|حمام|هاتف|تلفون|جوال|جواز|فلوس|راتب|وحد|طعام|أكل|يأخذ|"
    r"بأخذ|ياخذ|يطرد"
)
STRONG_GURMUKHI = (
    r"ਡਰ|ਮਾਰ|ਕੁੱਟ|ਕੁਟ|ਸੱਟ|ਸਟ|ਨਿਸ਼ਾਨ|ਖੂਨ|ਖ਼ੂਨ|ਸ਼ਰਾਬ|ਨਸ਼|ਧਮਕੀ|ਧਮਕ|ਗੁੱਸ|ਚੀਕ|ਬੰਦ ਕਰ|ਭੁੱਖ|ਭੁਖ|"
    r"ਰੋਟੀ ਨਹੀਂ|ਪੁਲਿਸ|ਪੁਲੀਸ|ਹਸਪਤਾਲ|ਚਾਕੂ|ਖੁਦਕੁਸ਼ੀ|ਭੱਜ|ਇੰਡੀਆ|ਭਾਰਤ|ਜਾਨ ਤੋਂ"
)
WEAK_GURMUKHI = r"ਫੋਨ|ਫ਼ੋਨ|ਪੈਸੇ|ਪਾਸਪੋਰਟ|ਇਕੱਲ|ਇਕੱਲ|ਕਮਰੇ|ਛੂਹ|ਹੱਥ ਲਾ|ਭੇਜ|ਫੋਟੋ|ਵੀਡੀਓ"
STRONG_BENGALI = (
    r"ভয়|মার|আঘাত|ব্যথা|রক্ত|মদ|নেশা|ড্রাগ|হুমকি|চিৎকার|রাগ|আটক|আটকে|তালা|ক্ষুধা|খিদে|"
    r"খাবার নেই|পুলিশ|হাসপাতাল|ছুরি|মরে|মেরে|আত্মহত্যা|পালিয়ে|দেশে পাঠা"
)
WEAK_BENGALI = r"ফোন|পাসপোর্ট|টাকা|একা|ঠান্ডা|কেড়ে|ছবি|ভিডিও|গায়ে হাত|ছোঁ|ছুঁ|নিয়ে যা|রাতে|ঘরে আসে"

# ---------------------------------------------------------------- process and time
PROCESS_LATIN = (
    r"meeting\w*|conference\w*|the chair|chairperson|into care|in care|"
    r"take (?:my|the|our) (?:kids|children|baby|babies|son|daughter|child)(?: into care| away)|"
    r"take (?:them|him|her) away|lose (?:my|our|the) (?:kids|children|baby|son|daughter)|"
    r"report\w*|minutes|review\w*|"
    r"social workers?|sw|court|plan|process|panel|professionals|interpreter|advocate|agenda|"
    r"paperwork|assessment|talked about|discussed|mentioned|spoke about|spelled|spelt|"
    r"spotkani\w*|zebrani\w*|konferencj\w*|raport\w*|przewodnicz\w*|sad\w*|"
    r"sedint\w*|intalnir\w*|conferint\w*|raport\w*|presedint\w*|asistent\w*|instant\w*|"
    r"shir\w*|kulan\w*|warbixin\w*|guddoomiy\w*|turjubaan\w*|maxkamad\w*|"
    r"meeting|social worker|report|court|care mein|le jayenge|le jaenge"
)
PROCESS_ARABIC = (
    r"بچے (?:\S+ ){0,2}لے (?:لیں|جائیں)|سوشل سروس|يأخذوا أطفال|میٹنگ|میٹینگ|اجلاس|رپورٹ|سوشل ورکر|"
    r"عدالت|اجتماع|الاجتماع|تقرير|رئيس|المترجم|محكمة|المحكمة|الأخصائي"
)
PROCESS_GURMUKHI = r"ਬੱਚੇ ਲੈ ਜਾਣ|ਮੀਟਿੰਗ|ਰਿਪੋਰਟ|ਸੋਸ਼ਲ ਵਰਕਰ|ਅਦਾਲਤ|ਦੁਭਾਸ਼ੀ"
PROCESS_BENGALI = r"বাচ্চাদের নিয়ে যাবে|মিটিং|রিপোর্ট|সোশ্যাল ওয়ার্কার|সভা|কনফারেন্স|আদালত"

DISTANCE = (
    r"years ago|year ago|in the past|used to|last year|in (?:19|20)[0-9][0-9]|sober|"
    r"(?:was|were|been|has been|have been) (?:dealt with|investigated|resolved|closed)|"
    r"already|alleged|accident\w*|(?:was|were) from (?:football|playing|sport|a fall|"
    r"the trampoline)|"
    r"allegations?|the report (?:said|says)|before the (?:kids|children|baby) "
    r"(?:was|were) born|never (?:hurt|hit|touched|harmed)|has never|have never|sprzed lat|"
    r"dawno|in trecut|cu ani in urma|pehle|purani|پرانی|پہلے|سابقا|منذ سنوات"
)
PRESENT = (
    r"now|again|still|keeps?|today|tonight|this week|every (?:day|night|time)|since the|"
    r"at the moment|currently|started|teraz|znowu|acum|iar|hadda|ab|abhi|phir|اب|پھر|الآن"
)

# ---------------------------------------------------------------- first-person distress
DISTRESS_LATIN = (
    r"things are (?:really |so |very )?bad|need someone to (?:come|help|talk)|"
    r"(?:thinking|think|thought|thinks) (?:about|of) (?:jumping|dying|ending|killing|taking)|"
    r"(?:sleeping|slept|sleep) (?:in|on) (?:my|the|a) (?:car|bus|street|streets|park|stairs)|"
    r"i (?:cant|can not|cannot) cope|(?:im|i am) not coping|(?:i )?(?:cant|can not|cannot) "
    r"(?:go on|keep going|take (?:it|any ?more)|do this any ?more|carry on)|"
    r"(?:im|i am|i feel|i dont feel|i do not feel|we are|were|we dont feel) (?:not )?safe|"
    r"(?:im|i am|i feel|were|we are|i get) (?:so |really |very )?(?:scared|frightened|terrified|"
    r"afraid)(?! (?:of|about|at|in|before|for) (?:the )?(?:meeting|conference|review|court|chair|"
    r"being judged|speaking|saying|losing))|"
    r"please (?:help|can someone|someone|call|ring|phone|contact)|help me|help us|"
    r"someone (?:needs to|has to|should) know|(?:need|want) to (?:talk|speak) to someone|"
    r"(?:dont|do not) know who (?:else )?to (?:tell|talk|turn)|no one to (?:tell|talk|turn)|"
    r"(?:ring|call|phone|contact) me (?:asap|urgently|please|today|back)|"
    r"(?:not|isnt|is not) safe (?:for me )?to (?:say|talk|write)|cant say (?:any )?more|"
    r"everyone (?:would be|is) better off|better off without me|end it all|"
    r"(?:want|wants|wanting|wish|wishes) (?:\w+ )?(?:to )?not (?:wake up|be here|exist|be alive)|"
    r"(?:loads|lots|all|handfuls?|a bunch) of (?:my |her |his |the )?(?:tablets|pills)|"
    r"want to disappear|(?:want|wanna) to die|"
    r"nie daje rady|nie dam rady|nie moge juz|pomocy|pomozcie|nu mai pot|ajutor|ajutati|"
    r"vreau sa dispar|i caawiya|caawimaad|madad karo|madad chahiye|bachao|mujhe bachao"
)
DISTRESS_SCRIPTS = (
    r"مدد کریں|مدد کرو|میری مدد|ہماری مدد|مدد چاہی|مجھے بچا|ہمیں بچا|برداشت نہیں|ساعدوني|ساعدني|"
    r"أنقذوني|انقذوني|لا أستطيع التحمل|"
    r"ਮਦਦ ਕਰੋ|ਮੇਰੀ ਮਦਦ|ਸਾਡੀ ਮਦਦ|ਬਚਾ ਲ|ਸਹਿ ਨਹੀਂ|সাহায্য করুন|বাঁচান|আর পারছি না|সহ্য করতে পারছি না"
)


def _split(body: str) -> list[str]:
    """The top-level alternatives of BODY, so that each can be bucketed by how it starts."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(body):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    return [*parts, body[start:]]


def _latin(body: str) -> list[str]:
    return [f"(?:{part})(?![a-z0-9])" for part in _split(body)]


def _native(body: str, arabic: bool = False, whole: bool = False) -> list[str]:
    return [_native_one(part, arabic, whole) for part in _split(body)]


def _native_one(body: str, arabic: bool, whole: bool) -> str:
    from surveys.screening import fold_pattern

    folded = f"(?:{fold_pattern(body)})"
    if whole:  # a person: the word itself, with an Arabic or Urdu possessive or case ending
        folded = f"(?:[وفبل]?(?:ال)?)?{folded}{fold_pattern(_ARABIC_ENDINGS)}(?= )"
    elif arabic:  # a verb or noun: with clitics or a verb prefix
        folded = f"(?:[وفبلکسیتنا]{{0,2}}(?:ال)?)?{folded}"
    return folded


_ARABIC_ENDINGS = "(?:ي|ى|ه|ها|هم|نا|و|وه|ك|کی|کا|کے|ں|وں|ی|ا)?"  # ا: Arabic accusative


def _compile(*parts: list[str]) -> re.Pattern[str]:
    """One bucketed pattern matching at the space before any word where a part matches."""
    return re.compile(" (?=" + alternation([p for ps in parts for p in ps]) + ")")


@functools.cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled signal patterns, built on first use."""
    return {
        "person": _compile(
            _latin(PERSON_LATIN),
            _native(PERSON_ARABIC, whole=True),
            _native(PERSON_GURMUKHI),
            _native(PERSON_BENGALI),
        ),
        "context": _compile(
            _latin(CONTEXT_LATIN),
            _native(CONTEXT_ARABIC, arabic=True),
            _native(CONTEXT_GURMUKHI),
            _native(CONTEXT_BENGALI),
        ),
        "strong": _compile(
            _latin(STRONG_LATIN),
            _native(STRONG_ARABIC, arabic=True),
            _native(STRONG_GURMUKHI),
            _native(STRONG_BENGALI),
        ),
        "weak": _compile(
            _latin(WEAK_LATIN),
            _native(WEAK_ARABIC, arabic=True),
            _native(WEAK_GURMUKHI),
            _native(WEAK_BENGALI),
        ),
        "process": _compile(
            _latin(PROCESS_LATIN),
            _native(PROCESS_ARABIC, arabic=True),
            _native(PROCESS_GURMUKHI),
            _native(PROCESS_BENGALI),
        ),
        "distance": _compile(_latin(DISTANCE), _native(r"پرانی|پہلے|سابقا|منذ سنوات")),
        "present": _compile(_latin(PRESENT), _native(r"اب|پھر|الآن|الان|ਹੁਣ|ਫਿਰ|এখন|আবার")),
        "distress": _compile(_latin(DISTRESS_LATIN), _native(DISTRESS_SCRIPTS)),
    }


def _indices(pattern: re.Pattern[str], padded: str) -> list[int]:
    """Word indices where PATTERN matches (PADDED is single-spaced with a leading space)."""
    return [padded.count(" ", 0, m.start()) for m in pattern.finditer(padded)]


_ANCHORS = frozenset({"since", "after", "from", "od", "dupa", "kadib", "ka", "بعد"})


def _process(padded: str) -> list[int]:
    """Word indices of process words, except time anchors ("since the meeting my ex ...")."""
    found = _indices(patterns()["process"], padded)
    if not found:
        return found
    words = padded.split()
    return [i for i in found if not any(j >= 0 and words[j] in _ANCHORS for j in (i - 1, i - 2))]


def broad_reasons(padded: str) -> tuple[str, ...]:
    """The broad signals in a normalised, padded text: `distress`, `concern_near_person`."""
    pats = patterns()
    distress = _indices(pats["distress"], padded)
    process = _process(padded) if distress else []
    if any(all(abs(d - p) > NEAR_PROCESS + 2 for p in process) for d in distress):
        return ("distress",)
    # Cheapest first: most answers name no person and no home or night at all.
    persons = _indices(pats["person"], padded)
    contexts = _indices(pats["context"], padded)
    if not persons and not contexts:
        return ()
    strong = _indices(pats["strong"], padded)
    weak = _indices(pats["weak"], padded) if persons else []
    if not strong and not weak:
        return ()
    process = _process(padded)
    if process:
        strong = [s for s in strong if all(abs(s - p) > NEAR_PROCESS for p in process)]
        weak = [w for w in weak if all(abs(w - p) > NEAR_PROCESS for p in process)]
    hit = any(abs(p - c) <= WINDOW for p in persons for c in strong + weak) or any(
        abs(x - c) <= WINDOW and x != c for x in contexts for c in strong
    )
    if not hit:
        return ()
    if pats["distance"].search(padded) and not pats["present"].search(padded):
        return ()
    return ("concern_near_person",)

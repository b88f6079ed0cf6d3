"""Valences for the words and phrases of child-protection feedback, from -3 to +3.

Written from DOMAIN.md and the reports' quotes, not from the test comments: general lexicons
read "worried", "scared" and "no one explained" as mild or neutral; here they are the complaint.
Words are matched as whole words of normalised text (see `analysis.text.normalise`).
"""

from __future__ import annotations

WORDS: dict[str, float] = {
    # fear and distress, the words families use most and general lexicons weigh least
    **dict.fromkeys(("worried", "worry", "worrying", "anxious", "stressed", "upset"), -1.5),
    **dict.fromkeys(("scared", "frightened", "terrified", "scary", "dreading", "dread"), -2.0),
    **dict.fromkeys(("cry", "cried", "crying", "tears", "sad", "sick", "stressful"), -2.0),
    **dict.fromkeys(
        ("nervous", "shy", "struggle", "hard", "difficult", "problem", "rush", "interrupt"), -1.0
    ),
    # how people were treated
    **dict.fromkeys(
        ("judged", "ignored", "ignoring", "blamed", "humiliated", "belittled", "stupid", "deficit"),
        -2.0,
    ),
    **dict.fromkeys(("rude", "disrespectful", "patronising", "lies", "lied", "hostile"), -2.0),
    **dict.fromkeys(("criminal", "monster", "dirt", "unfair", "adversarial"), -2.0),
    **dict.fromkeys(("kind", "kindness", "respectful", "respected", "warm", "warmth"), 2.0),
    **dict.fromkeys(("lovely", "nice", "caring", "compassionate", "sensitivity"), 2.0),
    **dict.fromkeys(("patient", "fair", "calm", "calmly", "supportive", "supported"), 1.5),
    **dict.fromkeys(("listened", "heard", "understood", "trust", "honest"), 1.5),
    # how things went
    **dict.fromkeys(("awful", "terrible", "disaster", "worst", "horrible", "appalling"), -3.0),
    **dict.fromkeys(("rubbish", "useless", "pointless", "shambles", "hate", "hated"), -2.5),
    **dict.fromkeys(("bad", "badly", "poor", "worse", "wrong", "boring", "disorganised"), -2.0),
    **dict.fromkeys(
        ("confused", "confusing", "vague", "rushed", "chaotic", "unsafe", "crashed", "missed"), -1.5
    ),
    **dict.fromkeys(("late", "cancelled", "rearranged", "repetition", "drifts", "drift"), -1.0),
    **dict.fromkeys(("freezing", "cold", "absent", "gaps", "missing", "jargon", "lost"), -1.0),
    **dict.fromkeys(("brilliant", "amazing", "excellent", "fantastic", "best", "fab"), 3.0),
    **dict.fromkeys(("great", "wonderful", "superb", "seamlessly", "happy"), 2.5),
    **dict.fromkeys(("good", "helpful", "helped", "useful", "glad", "proud", "safer"), 2.0),
    **dict.fromkeys(("better", "clear", "easier", "safe", "appreciated"), 1.5),
    **dict.fromkeys(("explained", "prepared", "ready", "thorough", "specific"), 1.5),
    **dict.fromkeys(("realistic", "focused", "confident", "balanced", "comfortable"), 1.5),
    **dict.fromkeys(("fine", "ok", "okay", "alright", "well", "easy", "quiet"), 1.0),
    **dict.fromkeys(("like", "liked", "understand", "worked", "help", "enjoyed", "suitable"), 1.0),
    **dict.fromkeys(("thank", "thanks", "grateful", "appreciate", "cheers"), 1.5),
}

# Politeness that often wraps a complaint: it counts only when nothing in the comment is negative.
POLITE = frozenset({"thank", "thanks", "grateful", "appreciate", "cheers"})

# Phrases (regular expressions over normalised text) and their valence; their words are not
# scored again on their own.
_NOBODY = r"(?:no one|nobody|noone|not one person|no body|none of them)"
_ACTS = (
    r"(?:explain|ask|tell|told|listen|contact|rang|ring|call|came|come|help|spoke|speak|met|"
    r"check|mention|visit|knew|said|talk|care|went|own|want|hear)\w*"
)
_NOT = (
    r"(?:not|never|didnt|did not|wasnt|werent|was not|were not|havent|hasnt|couldnt|could not|cant)"
)
_SERVICE = (
    r"(?:asked|ask|invited|invite|shared|share|recorded|booked|explained|explain|explored|"
    r"circulated|told|tell|given|give|referred|spoken|speak|contact\w*|call|ring|attend\w*|come|"
    r"turn up|turn|read|get|got|have|hear|submit|know\w*|include\w*|send|sent|prepared|offered|"
    r"visit\w*|see|seen|correct|understand|understood)"
)
PHRASES: tuple[tuple[str, float], ...] = (
    (r"(?:nobody|no one) made me feel (?:stupid|small|bad|judged|like)", 2.0),
    (
        r"(?:doesnt|does not|didnt|did not) (?:say|mention) anything|"
        r"(?:could )?barely (?:hear|see)",
        -1.5,
    ),
    (r"(?:dont|didnt|do not) think (?:anyone|anybody|they|he|she) (?:heard|listened|cared)", -2.5),
    (r"would like", 0.0),
    (r"round in circles|copied and pasted|same (?:questions|as last time)", -1.5),
    (r"had to (?:pay|wait|stand|leave|go|translate|interrupt|sit|chase)", -1.5),
    (r"(?:dropping|dropped|cutting|cut) out|froze|freezing|kept freezing", -1.5),
    (r"weeks (?:after|late)|over time|short notice|re arranged|inquorate", -1.5),
    (r"(?:i |we )?know what (?:is going to|will|happens)|got it right|checked with me", 1.5),
    (rf"{_NOBODY}(?: \w+){{0,2}} {_ACTS}", -2.5),
    (
        r"(?:didnt|did not|never|not|havent) (?:get|got|receive|received|see|seen) "
        r"(?:the |my |a |any )?(?:report|papers|letter|copy)",
        -2.5,
    ),
    (
        r"(?:report|papers)(?: \w+){0,6} "
        r"(?:day before|night before|on the day|morning|two days|2 days|doorstep)",
        -2.0,
    ),
    (r"(?:day before|night before|on the day)(?: \w+){0,6} report", -2.0),
    (
        r"never (?:\w+ )?(?:return|call|comes|came|turn|listen|visit|ring|rang|reply|answer)\w*",
        -2.0,
    ),
    (r"(?:not|wasnt|isnt|werent) (?:that |too |so |as )?bad", 1.5),
    (r"no (?:complaints|problems|issues)", 2.0),
    (r"(?:cant|cannot|couldnt) fault", 2.5),
    (r"couldnt have asked for more|could not have asked for more", 2.5),
    (r"could have been (?:a lot |much |far )?better", -2.0),
    (r"would have been (?:nice|good|helpful) if", -1.5),
    (r"waste of (?:time|everyone)", -2.5),
    (r"thanks for nothing", -3.0),
    (r"is not on|not on$|not acceptable|unacceptable", -2.0),
    (r"not sure (?:what|why|how|when)", -1.5),
    (r"(?:dont|do not|didnt|did not) know (?:what|when|who|why|how|where)", -1.5),
    (
        r"made up their minds|let down|find fault|bad mum|like a (?:criminal|child|case number)",
        -2.0,
    ),
    (r"(?:talked|spoken|spoke) (?:over|down|about me like)|cut\w* me off|laughed at", -2.0),
    (r"(?:only|just) (?:talked|said|spoke|about)(?: about)? the (?:worries|bad|negatives)", -2.0),
    (r"nothing about|no idea|no explanation|no time|no one knew|no contact|there wasnt one", -1.5),
    (r"no (?:interpreter|lift|parking|help|support|one signing|disabled)", -1.5),
    (r"(?:keeps?|keep on) (?:changing|cancelling|moving|asking)", -2.0),
    (r"too (?:long|small|late|hard|much|many)", -1.5),
    (r"gave up|could ?n[o']?t (?:hear|see|follow)|cant (?:hear|see)", -2.0),
    (r"(?:i )?want to (?:go home|live with)", -1.0),
    (r"in good time|on time|at ease|put me at ease|worked (?:well|fine)", 1.5),
    (r"for the first time", 0.5),
    (r"made me feel (?:stupid|small|worse|like)", -2.0),
    (r"felt like (?:nobody|no one|they|a)", -1.0),
    (r"(?:second|third|fourth) time|again", -0.5),
    (rf"{_NOT} (?:\w+ )?(?:been )?{_SERVICE}", -1.5),
)

_NEGATORS_WORDS = (
    "less not no never nobody noone nothing none neither nor without hardly barely "
    "dont didnt doesnt isnt wasnt werent arent cant cannot couldnt wouldnt shouldnt wont "
    "havent hasnt hadnt aint nt"
)
NEGATORS = frozenset(_NEGATORS_WORDS.split())
INTENSIFIERS = {"very": 1.3, "really": 1.3, "so": 1.2, "extremely": 1.5, "totally": 1.3}
CONTRASTS = frozenset({"but", "however", "although", "though", "except", "yet", "apart"})

# Cues that the positive words are meant the other way ("Great, another meeting...").
SARCASM = (
    r"^ (?:yeah|oh yes|oh great|great another|brilliant another|yeah right)|thanks a lot|"
    r"really helpful $|another (?:meeting|conference) where|oh lovely"
)

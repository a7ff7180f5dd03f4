"""The words the synthetic ledger (bench.scale_generate) is built from: invented places,
outlets and people, the figures a story reports, and sentence templates for the prose around
them. Nothing here names a real outlet or person.

The search probes (SEARCH_*) are words only one kind of claim uses, so each matches about 1 %
of the claims at any size; the prose around the claims never uses them."""

from __future__ import annotations

# fmt: off
# Places: syllables combined into ~400 invented town names.
PLACE_HEADS = [
    "Ash", "Bram", "Carn", "Dal", "Elm", "Fen", "Glen", "Hol", "Ives", "Kel", "Lang", "Mar",
    "Nor", "Oak", "Pen", "Quar", "Rath", "Stan", "Thorn", "Wex",
]
PLACE_TAILS = [
    "bury", "field", "ford", "haven", "ley", "mouth", "ridge", "stead", "ton", "wick",
    "combe", "dale", "gate", "holm", "minster", "port", "shaw", "thorpe", "well", "worth",
]

EVENTS = [
    ("flooding", "floods"), ("factory fire", "fire"), ("rail strike", "strike"),
    ("bridge collapse", "collapse"), ("hospital outbreak", "outbreak"), ("port closure", "closure"),
    ("storm damage", "storm"), ("power cut", "power cut"), ("chemical leak", "leak"),
    ("landslide", "landslide"), ("bus crash", "crash"), ("heatwave", "heatwave"),
    ("water contamination", "contamination"), ("school closures", "closures"),
    ("council budget dispute", "dispute"), ("warehouse explosion", "explosion"),
]

OUTLET_HEADS = [
    "Northern", "Daily", "Evening", "Coastal", "Valley", "Metropolitan", "Western", "Weekly",
    "Midland", "Harbour", "Capital", "County", "Morning", "Eastern", "Southern", "Highland",
]
OUTLET_TAILS = [
    "Ledger", "Courier", "Herald", "Gazette", "Observer", "Standard", "Chronicle", "Post",
    "Dispatch", "Record", "Sentinel", "Mercury", "Echo", "Tribune",
]
OUTLET_COUNT = 40

FIRST_NAMES = [
    "Amara", "Ben", "Carys", "Dev", "Elena", "Farid", "Grace", "Hamza", "Ines", "Jonah",
    "Keira", "Luis", "Maya", "Nikhil", "Olwen", "Pavel", "Rosa", "Samir", "Tess", "Umar",
    "Vera", "Wen", "Yusuf", "Zara", "Aled", "Bronwen", "Callum", "Dina", "Emeka", "Freya",
]
LAST_NAMES = [
    "Adeyemi", "Bakshi", "Castell", "Drummond", "Evans", "Fairbairn", "Gallagher", "Hussain",
    "Ibbotson", "Jarvis", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okafor", "Pryce",
    "Quigley", "Rahman", "Sorensen", "Thackeray", "Urquhart", "Varga", "Whitlock", "Yates",
    "Zielinski", "Achebe", "Brannigan", "Costa", "Delacroix", "Ellery", "Fenwick", "Grieve",
]
ROLES = [
    "a council spokesperson", "the chief fire officer", "a police superintendent",
    "the local MP", "a union representative", "the hospital's medical director",
    "a spokesperson for the operator", "the emergency planning lead", "a resident",
    "the harbour master", "the head teacher", "a county councillor",
]
BODIES = ["County Council", "police", "Fire and Rescue Service", "Health Board", "Port Authority"]

# Quantities: (entity, predicate), each its own claim; one of each per topic at most.
COUNTED = [
    ("people", "injured"), ("people", "killed"), ("homes", "evacuated"), ("homes", "flooded"),
    ("residents", "rehoused"), ("patients", "admitted to hospital"), ("schools", "closed"),
    ("businesses", "forced to close"), ("roads", "closed"), ("workers", "laid off"),
    ("officers", "deployed"), ("firefighters", "sent to the scene"), ("vehicles", "damaged"),
    ("trains", "cancelled"), ("flights", "diverted"), ("households", "left without power"),
    ("complaints", "received"), ("arrests", "made"), ("volunteers", "registered"),
    ("staff", "suspended"), ("animals", "rescued"), ("buildings", "inspected"),
    ("claims", "lodged with insurers"), ("pupils", "sent home"), ("shops", "boarded up"),
    ("bridges", "closed to traffic"), ("tents", "put up"), ("meals", "handed out"),
    ("calls", "made to the helpline"), ("doctors", "called in"), ("ambulances", "dispatched"),
    ("wells", "tested"), ("samples", "sent for analysis"), ("sandbags", "filled"),
    ("pumps", "brought in"), ("generators", "installed"), ("jobs", "put at risk"),
    ("contracts", "suspended"), ("inspections", "carried out"), ("warnings", "issued"),
    ("lorries", "stranded"), ("passengers", "stranded"), ("cattle", "lost"),
    ("fields", "flooded"), ("caravans", "destroyed"), ("ferries", "cancelled"),
    ("lifeboats", "launched"), ("rescue workers", "deployed"), ("soldiers", "drafted in"),
    ("nurses", "redeployed"), ("beds", "opened"), ("fines", "issued"), ("petitions", "signed"),
    ("meetings", "held"), ("towns", "affected"),
]
MEASURED = [  # (subject, unit, how the quote puts it)
    ("cost of the repairs", "pounds", "repairs costing {n} pounds"),
    ("length of the closure", "days", "a closure lasting {n} days"),
    ("share of homes without power", "percent", "{n} percent of homes without power"),
    ("rainfall in one day", "millimetres", "{n} millimetres of rain in one day"),
    ("emergency fund", "pounds", "an emergency fund of {n} pounds"),
]
SEARCH_WORD = "ferries"  # in one COUNTED pair only: about 1 % of claims
SEARCH_PHRASE = '"rescue workers"'
SEARCH_OR = "ferries OR lifeboats"

FACILITIES = [
    "the bridge", "the main road", "the railway line", "the harbour", "the leisure centre",
    "the library", "the water works", "the market", "the primary school", "the clinic",
    "the ring road", "the ferry terminal", "the bus station", "the sports ground",
]
DATE_EVENTS = [  # (subject words, how the quote puts it with {facility} and {date})
    ("reopening", "{facility} would reopen on {date}"),
    ("closure", "{facility} was closed on {date}"),
    ("inspection", "{facility} was last inspected in {date}"),
    ("repair start", "work on {facility} started in {date}"),
]
STATUSES = ["closed", "open", "partly open", "under review", "suspended", "demolished"]
CAUSES = [
    "a burst water main", "an electrical fault", "a gas leak", "a blocked drain",
    "a lightning strike", "a structural failure", "human error", "a software fault",
]
OTHER_SUBJECTS = ["cause", "trigger", "origin"]

# Prose: templates filled from the word lists below. {P} place, {S} speaker, {N} number,
# {D} date, {W} weekday, and the lower-case keys from WORDS.
FILLER = [
    "Residents in {P} {verb} {adverb} on {W}, {N} days after the {event} began.",
    "{S} said the {noun} would be {adj} until at least {D}.",
    "The {org} has set up a {noun} at the {place_in_town} for anyone who needs {need}.",
    "Traffic on the {road} was {adj} for most of {W} morning, according to local drivers.",
    "More than {N} people attended a {meeting} at the {place_in_town} on {W} evening.",
    "{S} told the meeting that the {org} had {verb} {adverb} and would publish a {report} by {D}.",
    "Shops near the {place_in_town} reopened on {W}, although several owners said trade was {adj}.",
    "The {report}, seen by this newspaper, runs to {N} pages and makes {N2} recommendations.",
    "Questions were raised about the {noun} as early as {D}, {S} said.",
    "Volunteers from {P} and nearby villages {verb} {adverb} through the weekend.",
    "The {org} said in a statement that it was working with partners and would {act}.",
    "Forecasters expect {weather} over {P} for the rest of the week.",
    "A {meeting} will be held on {D} at the {place_in_town}, to question the {org}.",
    "{S} described the response as {adj} and called for a {report} into what went wrong.",
    "Insurers said they had opened a {noun} for customers in {P} and the surrounding area.",
    "The {org} said {N} members of staff had worked extra shifts since {W}.",
    "Parents waited outside the {place_in_town} on {W} afternoon for news of the {noun}.",
    "It is the {ordinal} time in {N2} years that the area has been hit in this way.",
    "Opposition councillors said the {org} had been warned about the risk in {D}.",
    "The {road} is expected to stay {adj} until engineers have finished their {report}.",
]
WORDS = {
    "verb": ["gathered", "queued", "waited", "worked", "searched", "cleared", "campaigned",
             "met", "organised", "protested", "volunteered", "returned"],
    "adverb": ["quietly", "late into the night", "in small groups", "without a break",
               "in heavy rain", "through the afternoon", "in large numbers", "patiently"],
    "noun": ["helpline", "support centre", "relief fund", "drop-in session", "waiting list",
             "clean-up operation", "compensation scheme", "temporary shelter", "review panel"],
    "adj": ["disrupted", "limited", "chaotic", "slow", "uncertain", "stretched", "busy",
            "quieter than usual", "difficult", "patchy"],
    "org": ["county council", "water company", "health board", "rail operator",
            "fire service", "environment agency", "housing association", "port authority"],
    "place_in_town": ["town hall", "community centre", "parish church", "leisure centre",
                      "railway station", "high street", "market square", "village hall"],
    "need": ["shelter", "hot food", "advice", "a place to charge their phones", "blankets"],
    "road": ["A-road", "bypass", "coast road", "high street", "ring road", "old bridge road"],
    "meeting": ["public meeting", "vigil", "council session", "residents' forum", "briefing"],
    "report": ["independent review", "safety report", "interim report", "full inquiry",
               "technical assessment", "audit"],
    "act": ["keep residents informed", "review its procedures", "learn lessons",
            "support those affected", "restore services as soon as possible"],
    "weather": ["heavy showers", "strong winds", "a dry spell", "high temperatures",
                "low cloud and drizzle", "more rain"],
    "ordinal": ["second", "third", "fourth", "fifth"],
}
HEADLINES = [
    "{Event} in {P}: what we know so far", "{P} counts the cost of the {event}",
    "Questions grow over {P} {event}", "{P} {event}: residents demand answers",
    "Live updates as {P} recovers from {event}", "Inside the response to the {P} {event}",
    "{P} {event} inquiry to report next month", "Anger in {P} after {event}",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
# fmt: on

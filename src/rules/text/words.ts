// Default word lists, tuned on the action corpus (test/fixtures/actions-corpus.json). Councils extend
// them in the framework's `checks` block rather than editing code.

/** Verbs councils use to say what will be done (base forms; other forms are derived). */
// prettier-ignore
export const COUNCIL_VERBS: readonly string[] = [
  "accelerate", "accept", "achieve", "acquire", "act", "adapt", "add", "address", "adopt", "advertise", "advise", "agree",
  "align", "allocate", "amend", "analyse", "apply", "appoint", "approve", "arrange", "assess", "attract", "audit", "automate",
  "award", "benchmark", "bid", "book", "build", "buy", "calculate", "carry", "champion", "change", "check", "clarify",
  "clean", "clear", "close", "co-design", "co-produce", "coproduce", "collaborate", "collate", "collect", "combine",
  "commence", "commission", "communicate", "compile", "complete", "comply", "conclude", "conduct", "confirm", "connect",
  "consolidate", "construct", "consult", "contact", "continue", "contract", "contribute", "convert", "coordinate",
  "co-ordinate", "create", "cut", "decommission", "decrease", "deep-clean", "define", "deliver", "demolish", "deploy",
  "design", "determine", "develop", "digitise", "distribute", "double", "draft", "drive", "educate", "eliminate", "embed",
  "empower", "enable", "encourage", "enforce", "engage", "enhance", "enrol", "ensure", "establish", "evaluate", "examine",
  "exceed", "expand", "explore", "extend", "facilitate", "finalise", "find", "fit", "fix", "follow", "formalise", "gather",
  "grow", "halve", "hand", "handle", "harmonise", "help", "hire", "hold", "host", "identify", "implement", "improve",
  "increase", "induct", "inform", "inspect", "install", "integrate", "introduce", "invest", "investigate", "issue", "keep",
  "launch", "lead", "lease", "lower", "maintain", "make", "manage", "map", "market", "maximise", "measure", "meet",
  "merge", "migrate", "minimise", "mobilise", "model", "modernise", "monitor", "move", "negotiate", "notify", "obtain",
  "offer", "open", "operate", "optimise", "organise", "oversee", "pay", "pilot", "place", "plan", "plant", "prepare",
  "present", "prevent", "prioritise", "procure", "produce", "progress", "promote", "protect", "provide", "publish",
  "purchase", "put", "raise", "rationalise", "reach", "realign", "rebuild", "receive", "recommission", "reconfigure",
  "record", "recruit", "redesign", "redevelop", "reduce", "re-procure", "reprocure", "refresh", "refurbish", "register",
  "reinstate", "relaunch", "relocate", "remodel", "remove", "renew", "renovate", "reopen", "reorganise", "repair",
  "replace", "report", "research", "reshape", "resolve", "respond", "restore", "restructure", "resurface", "retain",
  "retender", "re-tender", "retrain", "return", "review", "revise", "roll", "run", "safeguard", "save", "scale", "scope",
  "secure", "seek", "select", "send", "set", "share", "shape", "sign", "simplify", "source", "specify", "stabilise",
  "standardise", "start", "stop", "streamline", "strengthen", "submit", "supply", "support", "survey", "sustain", "take",
  "target", "teach", "tender", "test", "track", "train", "transfer", "transform", "transition", "translate", "trial",
  "triple", "undertake", "update", "upgrade", "upskill", "use", "utilise", "validate", "verify", "visit", "widen", "win",
  "work", "write", "achieve", "aim", "attend", "broaden", "celebrate", "consider", "cost", "deepen", "digitalise", "equip",
  "escalate", "fund", "guide", "incorporate", "initiate", "interview", "join", "look", "mentor", "onboard", "outline",
  "partner", "plan", "prototype", "quantify", "rebrand", "reconcile", "redeploy", "refer", "refocus", "reform", "rehouse",
  "reinforce", "relieve", "reprofile", "reposition", "reset", "revamp", "rollout", "schedule", "signpost", "sponsor",
  "staff", "stage", "streamline", "strive", "tackle", "tighten", "try", "unlock", "uplift", "vary", "endeavour", "explore",
  "assist", "liaise", "participate", "attempt", "investigate", "recover", "resource", "rota", "equalise", "decarbonise",
  "retrofit", "insulate", "reuse", "recycle", "compost", "collect", "empty", "grit", "patch", "light", "repave", "prosecute",
  "fine", "license", "licence", "regulate", "approve", "vaccinate", "screen", "immunise", "discharge", "assess", "reable",
  "boost", "bolster", "chair", "switch", "lobby", "inform", "empower", "administer", "eliminate", "eradicate", "get",
];

/** Irregular past forms, mapped to their base. */
// prettier-ignore
export const IRREGULAR_FORMS: Readonly<Record<string, string>> = {
  built: "build", bought: "buy", led: "lead", made: "make", held: "hold", kept: "keep", met: "meet", paid: "pay",
  ran: "run", sent: "send", set: "set", put: "put", cut: "cut", sought: "seek", taught: "teach", taken: "take",
  took: "take", undertaken: "undertake", undertook: "undertake", won: "win", written: "write", wrote: "write",
  found: "find", grew: "grow", grown: "grow", drove: "drive", driven: "drive", begun: "begin", began: "begin",
  overseen: "oversee", oversaw: "oversee", rebuilt: "rebuild", reset: "reset", fitted: "fit",
};

/**
 * Verbs that are just as often nouns ("Review of...", "Support for...", "Change management"): at the start
 * of an action they count as a verb only when what follows reads like an object.
 */
// prettier-ignore
export const NOUN_LIKE_VERBS: readonly string[] = [
  "review", "support", "plan", "report", "change", "increase", "decrease", "design", "process", "record", "project",
  "fund", "target", "use", "need", "help", "care", "lead", "work", "train", "place", "control", "contract", "cost",
  "survey", "audit", "update", "pilot", "focus", "campaign", "transfer", "return", "charge", "benefit", "access",
  "market", "test", "check", "schedule", "license", "licence", "launch", "repair", "visit", "open", "close", "book",
  "light", "clean", "plant", "refresh", "upgrade", "redesign", "restructure", "rollout", "progress", "research",
  "monitor", "commission", "map", "model", "outline", "sign", "set", "act", "aim", "drive", "bid", "attempt", "guide",
  "trial", "stage", "staff", "partner", "transition", "issue", "measure", "share", "shape", "source", "scope", "order",
  "fine", "screen", "discharge", "interview", "rota", "mentor", "hand", "cut", "move", "double", "empty", "patch",
  "spend", "budget", "offer", "award", "recycle", "resource", "start", "stop", "run", "safeguard", "present", "fix",
  "win", "fit", "file", "house", "lease", "host", "uplift", "register", "transform", "transport", "build", "meet",
];

/** Openings that promise effort, not a result: they always read as vague. */
// prettier-ignore
export const VAGUE_OPENINGS: readonly string[] = [
  "continue to", "continue", "explore", "look at", "look into", "consider", "try to", "aim to", "seek to",
  "work towards", "work toward", "endeavour to", "strive to", "attempt to", "investigate options", "raise awareness",
  "be committed to", "keep under review", "hope to", "begin to", "start to look", "take forward", "taking forward",
  "pave the way", "lobby", "act on",
];

/** Openings that are vague unless the action states how much (a number, a percentage, a sum). */
// prettier-ignore
export const WEAK_VERBS: readonly string[] = [
  "support", "promote", "encourage", "facilitate", "help", "assist", "maintain", "enhance", "strengthen", "engage with",
  "liaise with", "work with", "be involved in", "participate in", "contribute to", "develop relationships", "inform",
  "empower", "administer",
];

/**
 * Verbs that set a direction ("Increase take-up", "Reduce the number of..."): specific only with an amount,
 * in the action, its measure of success or a linked measure's target.
 */
// prettier-ignore
export const AIM_VERBS: readonly string[] = [
  "increase", "reduce", "raise", "grow", "decrease", "lower", "boost", "maximise", "minimise", "expand", "widen",
  "transform", "modernise", "streamline", "bolster", "tackle", "embed", "ensure", "improve", "cut", "accelerate",
];

/** Objects that name no particular thing ("the transformation programme", "improvements"). */
// prettier-ignore
export const VAGUE_OBJECTS: readonly string[] = [
  "programme", "programmes", "priorities", "priority", "improvement", "improvements", "transformation", "activity",
  "activities", "engagement", "work", "works", "arrangements", "initiative", "initiatives", "project", "projects",
  "action", "actions", "agenda", "opportunities", "change", "changes", "thing", "things", "outcomes", "findings",
  "recommendations", "objectives", "practice", "experience", "working", "way", "ways", "strategy", "plan", "plans",
  "service", "services", "provision", "approach", "partnership", "partnerships", "new", "key", "various", "range",
  "number", "series", "package", "set", "wider", "overall", "existing", "further", "relevant", "appropriate",
  "council's", "service's", "offer", "developments", "progress", "delivery",
];

/** Words and phrases that take the commitment back. */
// prettier-ignore
export const HEDGES: readonly string[] = [
  "where possible", "where appropriate", "as appropriate", "as required", "as necessary", "if possible", "when possible",
  "if appropriate", "etc.", "etc", "and so on", "as and when", "in due course", "as soon as possible", "asap",
  "going forward", "where feasible", "if feasible", "if resources allow", "resources permitting", "where practicable",
  "hopefully", "potentially", "possibly", "as far as possible", "where relevant", "if required", "and/or similar",
];

/** Owners that name nobody. */
// prettier-ignore
export const NON_PERSON_OWNERS: readonly string[] = [
  "tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be appointed", "all", "various", "n/a", "na", "none",
  "unknown", "vacant", "everyone", "all staff", "all managers", "all teams", "all services", "?", "-", "x", "various officers",
  "shared", "joint", "everybody", "nobody", "not known", "not applicable",
];

/** Words that make an owner a group, not one accountable person. */
// prettier-ignore
export const TEAM_WORDS: readonly string[] = [
  "team", "teams", "service", "services", "unit", "department", "dept", "directorate", "board", "group", "partnership",
  "panel", "section", "division", "hub", "staff", "officers", "managers", "colleagues", "partners", "council",
  "committee", "network", "forum", "function", "workstream", "consortium", "agency", "agencies", "trust", "nhs", "icb",
  "leads", "directors", "coordinators", "co-ordinators", "practitioners", "workers", "heads", "members",
];

/** Words that make an owner a post: one accountable officer, named by job title ("Head of Housing"). */
// prettier-ignore
export const ROLE_WORDS: readonly string[] = [
  "head", "director", "manager", "officer", "lead", "coordinator", "co-ordinator", "chief", "executive", "assistant",
  "principal", "senior", "advisor", "adviser", "commissioner", "practitioner", "specialist", "consultant", "supervisor",
  "analyst", "leader", "controller", "surveyor", "engineer", "registrar", "superintendent", "worker", "planner",
  "accountant", "solicitor", "librarian", "curator", "inspector", "auditor", "architect", "warden", "ranger", "editor",
  "deputy",
];

/** Elected members: accountable politically, but not officers who deliver the action. */
// prettier-ignore
export const MEMBER_WORDS: readonly string[] = [
  "cabinet member", "portfolio holder", "councillor", "cllr", "lead member", "mayor", "council leader", "leader of the council",
];

/**
 * Words of council service and section names ("Licensing", "Revenues and Benefits", "Public Health"), which
 * look like a person's name but name a group.
 */
// prettier-ignore
export const SERVICE_WORDS: readonly string[] = [
  "health", "care", "social", "housing", "planning", "licensing", "estates", "highways", "waste", "parks", "spaces",
  "leisure", "libraries", "library", "finance", "revenues", "benefits", "hr", "ict", "it", "digital", "communications",
  "partnerships", "regeneration", "education", "welfare", "options", "policy", "safeguarding", "centre", "commissioning",
  "environmental", "environment", "transport", "standards", "trading", "public", "adult", "adults", "children",
  "children's", "family", "families", "help", "support", "customer", "community", "communities", "safety", "youth",
  "schools", "learning", "skills", "employment", "economic", "growth", "development", "property", "assets", "procurement",
  "legal", "democratic", "electoral", "registration", "bereavement", "climate", "energy", "sustainability", "recycling",
  "cleansing", "enforcement", "parking", "traffic", "roads", "fleet", "catering", "facilities", "payroll", "pensions",
  "audit", "risk", "insurance", "performance", "intelligence", "strategy", "transformation", "tourism", "culture", "arts",
  "museums", "events", "sport", "coastal", "drainage", "homelessness", "tenancy", "repairs", "maintenance", "operations",
  "business", "resources", "governance", "equalities", "engagement", "marketing", "projects", "programme", "delivery",
  "quality", "contracts", "provider", "early", "fostering", "adoption", "send", "inclusion", "reablement", "therapy",
  "prevention", "homes", "economy", "infrastructure", "operational", "corporate", "strategic", "neighbourhood",
  "neighbourhoods", "benefit", "tax", "council", "sefton", "borough", "city", "county",
];

/**
 * Posts so general that a plan holds several of them ("Manager", "Service Manager"): they do not say which
 * officer is accountable. Matched against the whole cell.
 */
// prettier-ignore
export const GENERAL_POSTS: readonly string[] = [
  "manager", "officer", "lead", "lead officer", "service manager", "team manager", "team leader", "head of service",
  "project manager", "project officer", "senior manager", "coordinator", "co-ordinator", "service lead", "director",
  "assistant director", "head", "deputy", "senior officer", "line manager", "programme manager", "officer tbc",
];

/** Timescales that never end. */
// prettier-ignore
export const ONGOING_WORDS: readonly string[] = [
  "ongoing", "on-going", "on going", "continuous", "continual", "continuing", "throughout the year", "throughout",
  "all year", "year round", "annual", "annually", "as required", "as needed", "bau", "business as usual", "rolling",
  "monthly", "quarterly", "weekly", "daily", "each quarter", "every quarter", "permanent", "indefinite",
];

/** Verbs that finish the same piece of work ("Review the pathway and agree a form"), so they do not start a second action. */
// prettier-ignore
export const FOLLOW_THROUGH_VERBS: readonly string[] = [
  "report", "agree", "publish", "share", "present", "embed", "monitor", "evaluate", "sign", "communicate", "implement",
  "adopt", "approve", "circulate", "feed", "reflect",
];

package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// cueClass says how a reporting verb takes its content.
type cueClass int

const (
	// cueClause verbs take a clause with or without "that" ("said he was",
	// "reports that", "reports the transfer of").
	cueClause cueClass = iota
	// cueThat verbs count only with a that-clause, a quotation or a colon
	// ("complains that", "stressed that").
	cueThat
	// cueObject verbs take an object and an infinitive or complement
	// ("urged the government to", "called it a victory", "asked why").
	cueObject
)

// cueVerbs maps reporting verb forms to their class.
var cueVerbs = map[string]cueClass{}

func addVerbs(c cueClass, forms ...string) {
	for _, f := range forms {
		cueVerbs[f] = c
	}
}

func init() {
	addVerbs(cueClause,
		"say", "says", "said", "saying",
		"tell", "tells", "told", "telling",
		"add", "adds", "added", "adding",
		"argue", "argues", "argued", "arguing",
		"claim", "claims", "claimed", "claiming",
		"write", "writes", "wrote", "writing", "written",
		"note", "notes", "noted", "noting",
		"state", "states", "stated", "stating",
		"explain", "explains", "explained", "explaining",
		"report", "reports", "reported", "reporting",
		"insist", "insists", "insisted", "insisting",
		"warn", "warns", "warned", "warning",
		"admit", "admits", "admitted", "admitting",
		"acknowledge", "acknowledges", "acknowledged", "acknowledging",
		"suggest", "suggests", "suggested", "suggesting",
		"believe", "believes", "believed",
		"think", "thinks", "thought",
		"predict", "predicts", "predicted", "predicting",
		"estimate", "estimates", "estimated",
		"allege", "alleges", "alleged", "alleging",
		"recall", "recalls", "recalled", "recalling",
		"concede", "concedes", "conceded", "conceding",
		"testify", "testifies", "testified",
		"tweet", "tweets", "tweeted", "tweeting",
		"declare", "declares", "declared", "declaring",
		"assert", "asserts", "asserted", "asserting",
		"contend", "contends", "contended",
		"reveal", "reveals", "revealed", "revealing",
		"recount", "recounts", "recounted",
		"confirm", "confirms", "confirmed", "confirming",
		"announce", "announces", "announced", "announcing",
		"deny", "denies", "denied", "denying",
		"maintain", "maintains", "maintained",
		"reply", "replies", "replied", "replying",
		"respond", "responds", "responded",
		"joke", "jokes", "joked", "quip", "quips", "quipped",
		"inform", "informs", "informed",
		"expect", "expects", "expected",
		"agree", "agrees", "agreed",
		"stress", "stresses", "stressed", "stressing",
		"emphasize", "emphasizes", "emphasized", "emphasizing",
		"emphasise", "emphasises", "emphasised", "emphasising",
		"observe", "observes", "observed",
		"remark", "remarks", "remarked",
		"mention", "mentions", "mentioned",
		"indicate", "indicates", "indicated",
		"clarify", "clarifies", "clarified", "clarifying",
		"comment", "comments", "commented",
		"conclude", "concludes", "concluded", "concluding",
		"complain", "complains", "complained", "complaining",
		"continue", "continues", "continued",
		"suspect", "suspects", "suspected",
		"regret", "regrets", "regretted",
		"fear", "fears", "feared",
		"hope", "hopes", "hoped",
		"worry", "worries", "worried",
		"feel", "feels", "felt",
		"caution", "cautions", "cautioned",
		"promise", "promises", "promised",
		"vow", "vows", "vowed",
		"speculate", "speculates", "speculated",
		"consider", "considers", "considered",
		"share", "shares", "shared",
		"post", "posts", "posted",
		"exclaim", "exclaims", "exclaimed",
		"shout", "shouts", "shouted",
		"boast", "boasts", "boasted",
		"lament", "laments", "lamented",
		"acknowledges",
		"describe", "describes", "described",
		"disclose", "discloses", "disclosed",
		"point", "points", "pointed", "pointing",
		"connect", "connects", "connected",
		"echo", "echoes", "echoed",
	)
	addVerbs(cueObject, asVerbForms...)
	addVerbs(cueObject,
		"urge", "urges", "urged", "urging",
		"ask", "asks", "asked", "asking",
		"call", "calls", "called", "calling",
		"demand", "demands", "demanded", "demanding",
		"appeal", "appeals", "appealed",
		"encourage", "encourages", "encouraged",
		"advise", "advises", "advised", "advising",
		"discourage", "discourages", "discouraged",
		"deem", "deems", "deemed", // always of an object and its complement: "deemed the budget too small"
	)
	// Verbs that need a that-clause, a quotation or a colon.
	for _, f := range []string{
		"complain", "complains", "complained", "complaining",
		"continue", "continues", "continued",
		"suspect", "suspects", "suspected",
		"regret", "regrets", "regretted",
		"fear", "fears", "feared",
		"hope", "hopes", "hoped",
		"worry", "worries", "worried",
		"feel", "feels", "felt",
		"consider", "considers", "considered",
		"share", "shares", "shared",
		"post", "posts", "posted",
		"expect", "expects", "expected",
		"agree", "agrees", "agreed",
		"observe", "observes", "observed",
		"mention", "mentions", "mentioned",
		"indicate", "indicates", "indicated",
		"comment", "comments", "commented",
		"conclude", "concludes", "concluded", "concluding",
		"calculate", "calculates", "calculated", "object", "objects", "objected",
		"stress", "stresses", "stressed", "stressing",
		"emphasize", "emphasizes", "emphasized", "emphasizing",
		"emphasise", "emphasises", "emphasised", "emphasising",
		"remark", "remarks", "remarked",
		"clarify", "clarifies", "clarified", "clarifying",
		"describe", "describes", "described",
		"disclose", "discloses", "disclosed",
		"point", "points", "pointed", "pointing",
		"connect", "connects", "connected",
		"maintain", "maintains", "maintained",
		"inform", "informs", "informed",
		"thought", "recall", "recalls", "recalled", "recalling",
		"deny", "denies", "denied",
		"texted", "emailed", "messaged", // "texted his brother that …"
		"reveal", "reveals", "revealed", "revealing",
		"announce", "announces", "announced", "announcing",
		"confirm", "confirms", "confirmed", "confirming",
		"estimate", "estimates", "estimated",
		"exclaim", "exclaims", "exclaimed", "shout", "shouts", "shouted",
		"boast", "boasts", "boasted", "lament", "laments", "lamented",
		"caution", "cautions", "cautioned", "promise", "promises", "promised",
		"vow", "vows", "vowed", "speculate", "speculates", "speculated",
		"respond", "responds", "responded",
		// reporting a judgement, a confession, a reminder or a ruling
		"assess", "assesses", "assessed", "assessing",
		"confess", "confesses", "confessed", "confessing",
		"remind", "reminds", "reminded", "reminding",
		"ruled", "rules", "ruling",
		"blurt", "blurts", "blurted",
		"react", "reacts", "reacted", "reacting",
		"underline", "underlines", "underlined", "underlining",
		"highlight", "highlights", "highlighted", "highlighting",
		"assure", "assures", "assured", "assuring",
		"reiterate", "reiterates", "reiterated", "reiterating",
		"affirm", "affirms", "affirmed", "reaffirm", "reaffirms", "reaffirmed",
		"reads",
		// verbs of stating a view, an inference or an oath
		"posit", "posits", "posited", "positing", "surmise", "surmises", "surmised",
		"theorize", "theorizes", "theorized", "theorise", "theorises", "theorised",
		"opine", "opines", "opined", "aver", "avers", "averred", "attest", "attests", "attested",
		"reckon", "reckons", "reckoned", "imply", "implies", "implied",
		"proclaim", "proclaims", "proclaimed", "concur", "concurs", "concurred",
		"swear", "swears", "swore", "sworn", "underscored", "underscoring",
		// also nouns in their base form, so only their verb forms
		"hinted", "hinting", "pledged", "pledging", "guaranteed", "guaranteeing",
		"countered", "retorted", "mused", "signalled", "signaled", "texted", "emailed",
		"proposed", "recommended", "repeated", "reasoned", "wondered", "questioned", "doubted",
		"doubts", "wonders", "inquired", "enquired",
		"answer", "answers", "answered", "answering",
		"presume", "presumes", "presumed", "suppose", "supposes", "supposed",
		"forecast", "forecasts", "forecasted",
	} {
		cueVerbs[f] = cueThat
	}
	for f := range mannerVerbs {
		cueVerbs[f] = cueThat
	}
}

// mannerVerbs tell how words were said, after the quotation they frame
// ("“…,” she laughed"); they attribute quotations only.
var mannerVerbs = wordSet("laughed", "laughs", "smiled", "smiles", "sighed", "sighs", "grinned", "grins",
	"chuckled", "chuckles", "shrugged", "shrugs", "beamed", "sobbed", "cried", "cries")

// pronouns that can be the subject of a reporting verb, with whether they
// refer to one person.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": false, "it": false, "we": false, "i": true, "you": false}

// skipBeforeCue are adverbs and auxiliaries that may stand between a subject
// and its reporting verb.
var skipBeforeCue = map[string]bool{
	"also": true, "has": true, "have": true, "had": true, "then": true, "later": true,
	"again": true, "previously": true, "recently": true, "further": true, "repeatedly": true,
	"publicly": true, "earlier": true, "once": true, "reportedly": true, "would": true,
	"will": true, "could": true, "may": true, "might": true, "did": true, "does": true,
	"do": true, "often": true, "always": true, "still": true, "just": true, "already": true,
	"long": true, "never": true, "since": true, "twice": true, "thrice": true,
	"even": true, "only": true, "strongly": true, "firmly": true, "clearly": true,
	"openly": true, "vehemently": true, "ironically": true, "widely": true, "too": true,
	"today": true, "yesterday": true, "first": true, "frequently": true, "subsequently": true,
	"emphatically": true, "angrily": true, "flatly": true, "quickly": true, "now": true,
	"finally": true, "simply": true, "bluntly": true, "candidly": true, "proudly": true,
	"confidently": true, "calmly": true, "correctly": true, "rightly": true, "wrongly": true,
	"falsely": true, "personally": true, "directly": true, "indeed": true, "sarcastically": true,
	"jokingly": true, "tearfully": true, "happily": true, "sadly": true, "similarly": true,
	"likewise": true, "separately": true, "privately": true, "specifically": true,
	"probably": true, "can": true, "should": true, "must": true,
	// intensifying pronouns: "Ann Roe herself said"
	"himself": true, "herself": true, "themselves": true, "itself": true,
}

// skippableBeforeCue reports whether w may stand between a subject and
// its reporting verb: a word of skipBeforeCue or an adverb in "-ly".
func skippableBeforeCue(w string) bool {
	return skipBeforeCue[w] || len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w]
}

// passiveMarks before a verb make it passive or a participle modifier, not
// a report by the words before it.
var passiveMarks = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "been": true, "be": true,
	"being": true, "so": true, "the": true, "a": true, "an": true, "not": true, "to": true,
	"am": true, "get": true, "got": true,
}

// boundaryWords end a noun phrase when walking back from a verb.
var boundaryWords = map[string]bool{
	"and": true, "but": true, "or": true, "that": true, "which": true, "who": true,
	"whom": true, "whose": true, "while": true, "as": true, "when": true, "because": true,
	"if": true, "since": true, "after": true, "before": true, "although": true,
	"though": true, "where": true, "in": true, "on": true, "at": true, "for": true,
	"to": true, "from": true, "with": true, "by": true, "than": true, "into": true,
	"about": true, "during": true, "under": true, "over": true, "through": true,
	"whether": true, "what": true, "why": true, "how": true, "so": true, "yet": true,
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "be": true, "been": true, "not": true, "this": true, "these": true,
	"those": true, "meanwhile": true, "however": true, "moreover": true, "instead": true,
	"also": true, "then": true, "there": true, "here": true, "now": true, "despite": true,
	"against": true, "upon": true, "without": true, "within": true, "among": true,
	"between": true, "via": true, "until": true, "till": true, "across": true,
}

// governingBodies are the bodies inside an organisation whose seats are
// roles: "an NRP board member" sits on the NRP's board.
var governingBodies = wordSet("board", "committee", "council", "presidium", "secretariat", "bureau", "caucus")

// topicPrepositions give what a concern or a remark is about.
var topicPrepositions = wordSet("about", "over", "regarding", "at")

// perceptionVerbs take a noun phrase and a bare infinitive ("heard people
// say", "saw the mayor write"): the noun phrase is who said it.
var perceptionVerbs = map[string]bool{
	"hear": true, "hears": true, "heard": true, "hearing": true, "overheard": true,
	"see": true, "sees": true, "saw": true, "seen": true, "watch": true,
	"watched": true, "watches": true, "watching": true,
}

// determiners open a noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "many": true, "most": true,
	"several": true, "other": true, "another": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "your": true, "both": true,
	"all": true, "few": true, "two": true, "three": true, "one": true, "various": true,
	"numerous": true, "certain": true, "local": true, "senior": true, "top": true,
}

// functionCaps are capitalised words that are not names (sentence openers,
// titles, calendar words).
var functionCaps = map[string]bool{}

// nameTailWords are words of time that end an outlet's name when written
// with a capital after a name's word mid-sentence ("Vostra Today").
var nameTailWords = wordSet("today", "now", "tonight")

func init() {
	for _, w := range []string{
		"the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "to", "from",
		"with", "by", "of", "as", "about", "if", "when", "while", "after", "before", "since",
		"although", "though", "because", "meanwhile", "however", "also", "then", "this",
		"that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his",
		"her", "their", "our", "my", "your", "its", "some", "many", "most", "all", "both",
		"several", "other", "another", "one", "two", "three", "here", "there", "now",
		"today", "yesterday", "last", "next", "according", "despite", "during", "under",
		"over", "yet", "so", "still", "even", "only", "just", "such", "each", "every",
		"mr", "mrs", "ms", "dr", "sir", "dame", "madam", "according", "thus", "instead", "no",
		"not", "what", "why", "how", "who", "where", "which", "whether", "unlike", "like",
		"among", "amid", "against", "without", "within", "through", "upon", "via",
		"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", "feb", "apr", "aug", "sept", "oct",
		"nov", "is", "was", "are", "were",
		"do", "does", "did", "can", "could", "would", "should", "will", "let", "please",
		"yes", "oh", "well", "again", "earlier", "later", "finally", "first", "second",
		"there's", "it's", "that's", "we're", "i'm", "don't", "here's",
	} {
		functionCaps[w] = true
	}
}

// honorifics precede names and are not part of them: forms of address and
// the abbreviated titles of office and rank ("Rep. Ann Roe", "Sgt. Al Lee").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sir": true, "rev": true, "mx": true,
	"rep": true, "sen": true, "gov": true, "gen": true, "lt": true, "col": true, "capt": true,
	"sgt": true, "cpl": true, "insp": true, "supt": true, "hon": true, "det": true,
	"cmdr": true, "adm": true, "maj": true, "atty": true, "pres": true, "msgr": true, "fr": true,
	"coun": true, "cllr": true, "cr": true, "dame": true, "haji": true, "hajji": true, "haci": true, "hacı": true, "lord": true, "lady": true, "baroness": true,
	// forms of address before a name in other languages' usage
	"alhaji": true, "alhaja": true, "hajia": true, "mallam": true,
}

// titleRoles are the roles that abbreviated titles stand for ("Sen. Jo
// Tan" is a senator).
var titleRoles = map[string]string{
	"sen": "senator", "rep": "representative", "gov": "governor", "coun": "councillor",
	"cllr": "councillor", "cr": "councillor", "prof": "professor", "gen": "general", "lt": "lieutenant",
	"col": "colonel", "capt": "captain", "sgt": "sergeant", "cpl": "corporal",
	"insp": "inspector", "supt": "superintendent", "det": "detective", "cmdr": "commander",
	"adm": "admiral", "maj": "major", "atty": "attorney", "pres": "president",
}

// evidentialVerbs report what evidence points to ("the figures suggest
// that"), and dataNouns name evidence that has no author of its own: with
// such a subject the verb reports no one's statement (unless the text
// says who published it: "figures published by the operator").
var (
	evidentialVerbs = wordSet("suggest", "suggests", "suggested", "show", "shows", "showed", "shown", "indicate", "indicates", "indicated")
	dataNouns       = wordSet("data", "figures", "numbers", "statistics", "survey", "surveys", "poll", "polls", "evidence", "results")
)

// courtNouns name bodies that rule on appeals.
var courtNouns = wordSet("court", "courts", "tribunal", "tribunals")

// nameAbbreviations are abbreviated words inside names of places and
// institutions, written with a full stop: "St. Mary's Court".
var nameAbbreviations = wordSet("st", "ste", "mt", "ft")

// fractionWords name parts of a whole: "about half of", "a third of".
var fractionWords = wordSet("half", "third", "quarter", "fifth", "tenth", "one-third", "two-thirds", "one-quarter", "three-quarters")

// holderNouns give the common noun for the holder of an office whose
// title is another word: "Justice Ann Roe" is "the judge".
var holderNouns = map[string]string{"justice": "judge"}

// titleDot reports whether token i is the dot of an abbreviated title or
// an initial written right after it ("Rep.", "J.", "K.R.").
func (a *analysis) titleDot(i int) bool {
	if i < 1 || a.toks[i].text != "." || a.toks[i-1].end != a.toks[i].start {
		return false
	}
	p := a.toks[i-1]
	return p.word && (honorifics[p.lower] || utf8.RuneCountInString(p.text) == 1 && p.isCap() || isDottedInitials(p.text))
}

// roleWords name roles and occupations of speakers.
var roleWords = map[string]bool{}

func init() {
	for _, w := range []string{
		"member", "members", "rector", "mayor-elect", "chairman", "chairwoman", "chairperson", "chair", "leader",
		"head", "president", "vice-president", "director", "journalist", "activist",
		"economist", "lawyer", "poet", "reporter", "spokesperson", "spokesman",
		"spokeswoman", "senator", "representative", "mayor", "councillor", "councilor",
		"chief", "officer", "commissioner", "premier", "secretary", "governor", "judge",
		"justice", "professor", "general", "constable", "inspector", "superintendent",
		"deputy", "executive", "ceo", "founder", "co-founder", "coach", "manager",
		"captain", "ambassador", "sheriff", "pastor", "bishop", "chancellor", "king",
		"queen", "prince", "pope", "dean", "analyst", "expert", "researcher", "scientist",
		"doctor", "nurse", "veteran", "trustee", "agent", "detective", "sergeant",
		"attorney", "prosecutor", "counsel", "advocate", "editor", "writer", "author",
		"blogger", "minister", "mp", "mla", "mpp", "candidate", "politician", "official",
		"campaigner", "organizer", "organiser", "coordinator", "adviser", "advisor",
		"consultant", "owner", "resident", "student", "teacher", "principal", "provost", "partner",
		"lecturer", "historian", "chairs", "commander", "colonel", "lieutenant",
		"councilwoman", "councilman", "critic", "defender", "deputy", "economists",
		"wife", "husband", "mother", "father", "son", "daughter", "brother", "sister",
		"widow", "friend", "neighbour", "neighbor", "colleague", "uncle", "aunt",
		"cousin", "grandmother", "grandfather", "player", "rapporteur", "ombudsperson", "aide",
		"host", "presenter", "anchor", "columnist", "commentator", "correspondent",
		"photographer", "artist", "singer", "actor", "actress", "musician", "producer",
		"filmmaker", "physician", "surgeon", "psychologist", "psychiatrist", "dentist",
		"pharmacist", "engineer", "architect", "planner", "administrator", "clerk",
		"treasurer", "superintendent", "trustees", "employee", "worker",
		"volunteer", "survivor", "witness", "victim", "farmer", "fisherman", "economist",
		"sociologist", "criminologist", "epidemiologist", "specialist", "strategist",
		"pollster", "lobbyist", "diplomat", "envoy", "negotiator", "mediator", "monk",
		"priest", "imam", "rabbi", "elder", "chiefs", "premier", "ombudsman", "auditor",
		"coroner", "paramedic", "firefighter", "ranger", "warden", "commissioner", "collector",
		"headteacher", "headmaster", "headmistress", "skipper",
		// people named by what they do or where they are
		"parent", "voter", "shopper", "commuter", "homeowner", "customer",
		"passenger", "patient", "driver", "motorist", "cyclist", "pedestrian",
		"tenant", "landlord", "protester", "protestor", "retiree", "pensioner",
		"bystander", "eyewitness", "attendee", "spectator", "businessman",
		"businesswoman", "entrepreneur", "miner", "lawmaker", "legislator",
		"congressman", "congresswoman", "alderman", "assemblyman", "assemblywoman",
		"magistrate", "refugee", "athlete", "solicitor", "barrister", "notary",
		"accountant", "registrar", "comptroller", "ombudsperson", "figure",
		// trades and occupations
		"trader", "broker", "banker", "investor", "dealer", "merchant", "vendor",
		"shopkeeper", "storekeeper", "grocer", "baker", "butcher", "chef", "cook",
		"waiter", "waitress", "bartender", "cashier", "tailor", "hairdresser",
		"barber", "mechanic", "electrician", "plumber", "carpenter", "builder",
		"labourer", "laborer", "janitor", "caretaker", "gardener", "pilot", "sailor",
		"soldier", "guard", "designer", "programmer", "developer", "inventor",
		"theologian", "librarian", "veterinarian", "linguist", "tutor", "trainer",
		"midwife", "carer", "caregiver", "courier", "fisher", "rancher", "herder",
		// positions and roles in sport
		"goaltender", "goalkeeper", "goalie", "striker", "midfielder", "winger",
		"defenceman", "defenseman", "quarterback", "linebacker", "pitcher",
		"referee", "umpire", "jockey", "boxer", "wrestler", "swimmer", "sprinter",
		"skater", "skier", "cyclist", "golfer", "batter", "bowler", "teammate",
		// presiding over a house
		"speaker",
		// parties to a case
		"defendant", "plaintiff", "complainant", "claimant", "appellant",
	} {
		roleWords[w] = true
	}
}

// placeNouns end the names of places: kinds of land, water and streets
// that are seldom surnames.
var placeNouns = wordSet("point", "bay", "island", "islands", "river", "valley", "peninsula",
	"strait", "coast", "harbour", "harbor", "avenue", "street", "square", "boulevard",
	"mountains", "heights", "springs", "falls", "crossing", "junction")

// issueVerbs make a document its author's: "a statement issued by the
// ministry", "a report published by the group".
var issueVerbs = wordSet("issued", "published", "released", "written", "signed", "sent", "prepared", "posted")

// interviewerWords before a name in an interview's introduction mark
// the one who asks, not the one who answers.
var interviewerWords = wordSet("correspondent", "reporter", "journalist", "interviewer", "editor", "host", "presenter")

// topLevelDomains end the names of outlets written as their web address
// ("Yol.info", "Meydan.tv").
var topLevelDomains = wordSet("com", "org", "net", "info", "tv", "az", "ru", "ge", "am", "ua",
	"kz", "uz", "kg", "tj", "io", "co", "uk", "ca", "eu", "news", "media", "online")

// femaleSurnameEndings and maleSurnameEndings end surnames inflected for
// their bearer's gender, as Russian, Azerbaijani, Kazakh and other
// post-Soviet names are ("Jafarova", "Jafarov").
var (
	femaleSurnameEndings = []string{"ova", "eva", "yeva", "skaya", "tskaya", "qizi", "qızı", "kyzy"}
	maleSurnameEndings   = []string{"ov", "ev", "yev", "skiy", "oglu", "oğlu", "uulu"}
)

// placeRoles name people by where they live, after the place's name
// ("Sallow Ridge resident"): no organisation of theirs.
var placeRoles = wordSet("resident", "homeowner", "tenant", "voter", "commuter", "neighbour", "neighbor", "native", "landlord", "shopkeeper")

// chantVerbs with a crowd as their subject give slogans, which are no
// one's statement; crowdNouns name such crowds.
var (
	chantVerbs = wordSet("chant", "chants", "chanted", "chanting", "shout", "shouts", "shouted", "shouting", "yelled", "chorused")
	crowdNouns = wordSet("crowd", "crowds", "protesters", "protestors", "participants", "demonstrators", "marchers", "fans", "supporters", "people")
)

// phoneNouns are whom or what one calls by telephone.
var phoneNouns = wordSet("hotline", "helpline", "police", "ambulance", "number", "line", "dispatcher", "911", "112", "999")

// commonAcronyms are abbreviations of common nouns, which name no
// organisation ("ID numbers", "the CEO", "GDP").
var commonAcronyms = wordSet("id", "ids", "gdp", "ceo", "cfo", "coo", "cto", "covid", "ai", "dna", "gps",
	"usb", "pc", "vat", "atm", "suv", "hiv", "aids", "pdf", "faq", "diy", "ok", "am", "pm", "sms", "vip", "iq")

// issuedNouns are statements an organisation issues, after which a
// participle says what it says ("issued a statement calling on …").
var issuedNouns = wordSet("statement", "declaration", "resolution", "communique", "communiqué")

// portfolioTitles follow the portfolio they hold ("Digital Affairs
// Minister"), which names no organisation of its own.
var portfolioTitles = wordSet("minister", "secretary", "commissioner", "critic")

// kindAcronyms are acronyms for a kind of organisation that may stand
// before its name ("the NGO Media Rights Bureau").
var kindAcronyms = wordSet("ngo")

// noMinistry are words before "Minister" that name no ministry ("Prime
// Minister").
var noMinistry = wordSet("prime", "first", "chief", "deputy", "former", "acting")

// settlementNouns name a kind of place before "of" and its name: "the
// town of Halden".
var settlementNouns = wordSet("town", "village", "city", "district", "region", "province", "settlement", "county")

// settlementLinks place a person before a settlement: "from the town of
// Halden", "in the village of Ormo".
var settlementLinks = wordSet("from", "in", "of")

// personPronouns refer back to a person: "According to him", "In her
// words".
var personPronouns = wordSet("he", "she", "him", "her", "his", "hers")

// clauseAdverbs open a question or a clause of time or place: "asked in
// May when …" may say when, not what.
var clauseAdverbs = wordSet("when", "where", "which")

// thenWords go on with a main clause after a comma: "said that, then
// looked away".
var thenWords = wordSet("then", "and", "but", "before", "so")

// chargeVerbs may stand between "accused X of" and the quoted charge:
// "accused the mayor of being “out of touch”".
var chargeVerbs = wordSet("being", "having", "playing", "pursuing", "waging", "staging")

// arguedMatters are what a lawyer argues before a court, not a claim:
// "argued the case", "argued the appeal".
var arguedMatters = wordSet("case", "appeal", "appeals", "motion", "application", "merits", "cause")

// formerWords before a role say its holder no longer holds it: "former
// minister", "ex minister".
var formerWords = wordSet("former", "ex")

// callParticles make "call" a reporting verb: "called for an inquiry",
// "calls on the government to".
var callParticles = wordSet("for", "on")

// occasionPartnerWords join an occasion to its partner or place: "at a
// meeting with farmers", "at a briefing for reporters", "at the rally in
// Ottawa".
var occasionPartnerWords = wordSet("with", "to", "of", "for", "in", "on")

// occasionNouns are events at which something is said: "at a meeting
// with businessmen", "during a briefing".
var occasionNouns = wordSet("meeting", "conference", "press-conference", "briefing", "rally", "session", "hearing", "forum",
	"ceremony", "congress", "summit", "event", "press", "debate", "sitting", "gathering")

// estimateNouns after "by" and a possessive give someone's reckoning:
// "By her estimate, …", "by his count".
var estimateNouns = wordSet("estimate", "estimates", "reckoning", "calculation", "calculations", "count", "account")

// interviewerVerbs after a name in an interview's introduction make it
// the one who asks ("Helen Wetherell met him in Sternau").
var interviewerVerbs = wordSet("met", "interviewed", "visited")

// placePrepositionsBefore a capitalised word make it a place ("met him in
// Sternau"), not the person an interview's introduction names.
var placePrepositionsBefore = wordSet("in", "at", "near", "from")

// reflexivePronouns after a name stress it ("Mammadli himself").
var reflexivePronouns = wordSet("himself", "herself", "themselves", "itself")

// documentVerbs make the document a noun names: "filed" a filing,
// "published" a report.
var documentVerbs = map[string][]string{
	"filing":     {"filed", "files"},
	"report":     {"published", "released", "presented", "issued"},
	"study":      {"published", "released"},
	"resolution": {"adopted", "passed"},
	"decision":   {"issued", "published", "announced"},
	"ruling":     {"issued", "delivered"},
	"lawsuit":    {"filed", "files"},
	"complaint":  {"filed", "lodged", "files"},
}

// accusingVerbs report a charge, whose words count as a statement only
// when quoted after "of".
var accusingVerbs = wordSet("accuse", "accuses", "accused", "accusing")

// orgWords mark a capitalised name as an organisation or outlet.
var orgWords = map[string]bool{}

func init() {
	for _, w := range []string{
		"party", "tv", "ministry", "council", "agency", "office", "department", "news",
		"press", "radio", "newspaper", "union", "association", "court", "commission",
		"committee", "bank", "group", "company", "inc", "ltd", "corp", "university",
		"police", "government", "service", "services", "network", "times", "post",
		"journal", "herald", "gazette", "tribune", "daily", "weekly", "magazine",
		"institute", "foundation", "center", "centre", "organization", "organisation",
		"movement", "front", "alliance", "coalition", "federation", "society", "club",
		"team", "board", "authority", "administration", "parliament", "assembly",
		"senate", "house", "congress", "watch", "international", "corporation", "headquarters",
		"communications", "media", "broadcasting", "channel", "website", "portal",
		"papers", "associations", "unions", "societies", "federations", "committees",
		"councils", "organizations", "organisations", "industries", "holdings", "airlines",
		"systems", "technologies", "labs", "pharmaceuticals", "motors", "energy",
		"foods", "markets", "stores", "minerals", "resources", "logistics", "mining", "capital", "partners",
		"ventures", "insurance", "telecom", "software", "solutions", "festival", "circle", "bloc", "records",
		"air", "airways", "rail", "railways", "transit", "hydro", "wire", "images", "pictures", "photos",
		"hospital", "school", "college", "city", "county", "province", "state",
		"affairs", "secretariat", "embassy", "mission", "force", "forces", "army",
		"navy", "command", "prosecutor’s", "prosecutor's", "tribunal", "fund", "trust",
		"bureau", "nations", "league", "federation", "network", "ngo", "youth",
		"chamber", "academy", "forum", "directorate", "inspectorate", "consortium",
		"confederation", "syndicate", "guild", "unit", "observatory", "monitor", "initiative", "museum", "gallery", "library", "theatre", "theater",
		"zoo", "brotherhood", "sisterhood", "cooperative", "co-operative", "clinic", "collective", "fellowship", "synod",
		// words that name companies by their trade ("Redwood Pharma",
		// "Bluewater Transit"), none of them a minister's portfolio
		"pharma", "pharmaceuticals", "motors", "airlines", "airways", "telecom",
		"technologies", "holdings", "logistics", "ventures", "labs", "studios",
		"entertainment", "insurance", "bancorp", "securities", "investments",
		"industries", "enterprises", "brands", "railway", "railways", "shipping", "transit",
	} {
		orgWords[w] = true
	}
	for w := range businessWords {
		orgWords[w] = true // a company named by its trade ("Kestrel Row Properties")
	}
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"prof": true, "gen": true, "gov": true, "sen": true, "rep": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "cpl": true, "insp": true, "supt": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true,
	"no": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "mt": true, "ft": true, "rev": true, "hon": true, "approx": true,
	"dept": true, "est": true, "fig": true, "vol": true, "ave": true, "blvd": true,
	"rd": true, "det": true, "maj": true, "fr": true,
	"pres": true, "adm": true, "cmdr": true, "msgr": true, "atty": true,
}

func init() {
	// every title of address is an abbreviation that ends no sentence
	for h := range honorifics {
		abbreviations[h] = true
	}
}

// HTML: which elements end a paragraph, which are page furniture dropped
// with all they contain, and the words of a class or id that mark
// furniture. The class words are those of common page templates; a word
// matches whole ("share-buttons" has "share", "shareholders" does not).
var (
	htmlBlockElements = atomSet(atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.Tr, atom.Table, atom.Section, atom.Article,
		atom.Figure, atom.Figcaption, atom.Title, atom.Pre, atom.Hr, atom.Dd, atom.Dt, atom.Main, atom.Td, atom.Th)
	voidElements = atomSet(atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr)
	htmlSkipElements = atomSet(atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav,
		atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Select, atom.Svg, atom.Iframe)
	htmlSkipRoles      = wordSet("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog")
	htmlSkipClassWords = wordSet("nav", "navbar", "menu", "footer", "header", "masthead", "sidebar", "breadcrumb", "breadcrumbs",
		"share", "sharing", "social", "subscribe", "subscription", "newsletter", "signup", "related", "recommended",
		"comments", "comment", "advert", "advertisement", "ad", "ads", "promo", "cookie", "cookies", "paywall", "popup", "modal")
)

func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Word lists of the subject and coreference rules.

// linkingAdverbs open a sentence and link it to the one before:
// "Meanwhile, according to …".
var linkingAdverbs = wordSet("meanwhile", "however", "moreover", "furthermore", "besides", "additionally",
	"nevertheless", "nonetheless", "still", "also", "thus", "therefore", "instead", "likewise", "similarly")

// adverbialStarts open the rest of a sentence after "…, X said" that is
// not reported content: "in a statement", "on Monday", "told Reuters".
var adverbialStarts = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
	"while": true, "when": true, "via": true, "from": true, "outside": true, "inside": true,
	"last": true, "this": true, "earlier": true, "later": true, "through": true, "as": true,
	"to": true, "with": true, "of": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "today": true,
	"yesterday": true, "recently": true, "previously": true, "then": true, "again": true,
	"by": true, "into": true, "over": true, "under": true, "about": true, "afterward": true,
	"afterwards": true, "too": true, "also": true, "firmly": true, "simply": true, "only": true,
}

// companySuffixes are abbreviated kinds of company that end a name
// with a dot ("Acme Inc.").
var companySuffixes = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true, "bros": true, "holdings": true}

// WithoutCompanySuffix returns an organisation's name without the legal
// form that ends it ("Northwind" for "Northwind Ltd." or "Northwind Energy
// Inc"), so that a document naming the company either way is matched to
// one record; ok is false when the name has no such ending.
func WithoutCompanySuffix(name string) (string, bool) {
	ws := strings.Fields(name)
	if len(ws) < 2 || !companySuffixes[strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))] {
		return name, false
	}
	return strings.TrimRight(strings.Join(ws[:len(ws)-1], " "), ","), true
}

// generationSuffixes end a person's name with a dot ("Robert Kennedy
// Jr.").
var generationSuffixes = wordSet("jr", "sr")

// adjunctCues are reporting verbs whose base form is a noun that often
// modifies the noun after it: "state media", "state officials".
var adjunctCues = wordSet("state", "written")

// objectCues are reporting verb forms that take a plain noun phrase as
// their object ("acknowledged the concerns", "denied the charges"), so
// that a short phrase after them is no clause of its own.
var objectCues = wordSet(
	"acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
	"concede", "concedes", "conceded", "confirm", "confirms", "confirmed",
	"deny", "denies", "denied", "announce", "announces", "announced",
	"reveal", "reveals", "revealed", "mention", "mentions", "mentioned",
	"recall", "recalls", "recalled",
)

// publicBodyNouns describe a public body, which a company named with its
// legal form ("Acme Corp.") is not.
var publicBodyNouns = wordSet("agency", "regulator", "watchdog", "bureau", "department", "ministry", "authority", "commission", "government", "service")

// bothWords open a subject of two conjoined names ("Both Ann Roe and Ivo
// Rask said"), whose first speaks as without them.
var bothWords = wordSet("both", "either", "neither")

// openingConjunctions open a sentence that goes on from the one before
// ("But Ann Roe disagreed."); the subject comes after them.
var openingConjunctions = wordSet("but", "and", "yet", "still")

// toldThings are what is told rather than whom: "tells the story of",
// "told the truth".
var toldThings = wordSet("story", "stories", "tale", "tales", "truth", "history", "joke", "jokes", "secret", "secrets", "lie", "lies", "legend")

// questionLabels and answerLabels open the paragraphs of an interview
// printed as questions and answers ("Q: …", "A: …").
var questionLabels = wordSet("Q", "Question")
var answerLabels = wordSet("A", "Answer")

// nounableCues are reporting verb forms that are also nouns.
var nounableCues = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "comment": true,
	"comments": true, "note": true, "notes": true, "post": true, "posts": true,
	"tweet": true, "tweets": true, "estimate": true, "estimates": true, "fear": true,
	"fears": true, "hope": true, "hopes": true, "promise": true, "promises": true,
	"demand": true, "demands": true, "call": true, "calls": true, "appeal": true,
	"appeals": true, "remark": true, "remarks": true, "statement": true, "worries": true,
	"ruling": true, "rules": true,
}

// finiteAfterNoun are verbs whose coming right after a noun-like cue
// word shows that word is the subject noun ("the report found").
var finiteAfterNoun = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "shows": true, "showed": true, "found": true, "finds": true,
	"will": true, "would": true, "could": true, "may": true, "might": true,
	"should": true, "can": true, "must": true, "suggests": true, "suggested": true,
	"says": true, "said": true, "indicates": true, "indicated": true, "concluded": true,
	"concludes": true, "states": true, "stated": true, "notes": true, "noted": true,
	"recommends": true, "recommended": true, "predicts": true, "predicted": true,
	"reads": true,
}

// numberWords before a cue word make it a noun ("four reports").
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozen": true, "several": true,
	"eleven": true, "twelve": true, "fifteen": true, "twenty": true, "thirty": true, "forty": true,
	"fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true, "hundred": true,
	"thousand": true, "million": true, "billion": true, "hundreds": true, "thousands": true,
	"dozens": true, "millions": true,
}

// possessivePronouns before a cue word make it a noun.
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// quantifiers can stand alone as the subject of a report ("Many argue").
var quantifiers = map[string]bool{"many": true, "some": true, "others": true, "most": true, "several": true, "few": true, "another": true}

// personLinks join a person's name to the organisation named after it.
var personLinks = map[string]bool{"of": true, "with": true, "from": true, "at": true}

// prepositions that make the following name an object, not a subject.
var prepositions = map[string]bool{
	"of": true, "to": true, "in": true, "at": true, "from": true, "with": true,
	"by": true, "for": true, "on": true, "against": true, "about": true, "into": true,
}

// documentNouns name statements and documents; a report "by" one of them
// is the report of its author ("A statement said", "the post read").
// authoringParticiples, after a document's noun and before "by", say
// who made it: "the lawsuit, filed by Acme", "a report issued by the
// agency".
var authoringParticiples = wordSet("filed", "issued", "published", "released", "written", "signed",
	"submitted", "lodged", "brought", "prepared", "commissioned", "drafted", "sent", "posted",
	"produced", "compiled", "authored")

var documentNouns = map[string]bool{
	"statement": true, "statements": true, "release": true, "post": true, "report": true, "sheet": true,
	"memo": true, "note": true, "study": true, "letter": true, "tweet": true, "email": true, "survey": true,
	"findings": true, "document": true, "documents": true, "filing": true, "notice": true,
	"audit": true, "blog": true, "submission": true, "paper": true, "analysis": true,
	"lawsuit": true, "suit": true, "complaint": true, "petition": true, "motion": true,
	"indictment": true, "ruling": true, "verdict": true, "article": true, "articles": true,
	"column": true, "op-ed": true, "editorial": true, "essay": true, "book": true,
	"message": true, "speech": true, "video": true, "resolution": true, "declaration": true,
	"investigation": true, "probe": true, "inquiry": true, "decision": true, "judgment": true, "judgement": true,
}

// namedKindNouns head descriptions of a body that refer only to a name
// with that word in it ("the service" for "Orlen Valley Fire Service"):
// a press service or a veterinary service is otherwise a part of some
// body, not the last organisation named.
var namedKindNouns = wordSet("service")

// inquiryNouns are documents of an inquiry, which an outlet or a body runs
// and a person who speaks does not.
var inquiryNouns = wordSet("investigation", "probe", "inquiry")

// relativeTimes and timeNouns make an adverbial of time ("last week",
// "this morning") that may stand between a subject and its verb.
var relativeTimes = map[string]bool{"last": true, "this": true, "next": true, "that": true, "each": true, "every": true}
var timeNouns = map[string]bool{
	"day": true, "week": true, "month": true, "year": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "weekend": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true,
}

// timeZoneWords may follow a clock time: "9 a.m. Eastern time".
var timeZoneWords = wordSet("eastern", "central", "mountain", "pacific", "atlantic", "local", "universal")

// demonymSuffixes end adjectives of nations and places.
var demonymSuffixes = []string{"ian", "can", "ean", "ese", "ish"}

// irregularDemonyms are adjectives of nations that no suffix above marks.
var irregularDemonyms = wordSet("dutch", "french", "swiss", "greek", "thai", "czech", "welsh",
	"israeli", "iraqi", "pakistani", "saudi", "kuwaiti", "qatari", "emirati", "yemeni",
	"bangladeshi", "nepali", "somali", "azerbaijani", "afghan")

// placeInstitutions are institutions named by the place they serve, the
// place's name before them in lower case: "Harbour police", "the Ontario
// government".
var placeInstitutions = wordSet("police", "government", "authorities", "prosecutors", "military", "army")

// personSuffixes end nouns that name a person by what they do.
var personSuffixes = []string{"man", "woman", "person", "ist", "ee", "ician", "grapher"}

// titleSuffixes end capitalised nouns for what a person does that stand
// before a name as a title ("Meteorologist Jenna Liu", "Curator Lena
// Moor", "Evacuee Tom Whitehorse"): personSuffixes without "man", which
// ends given names ("Norman"), each with the shortest word it ends as
// such a noun ("Curator", not "Renee"). Surnames with the Swedish
// "-qvist" are no such noun.
var titleSuffixes = []struct {
	suffix string
	min    int
}{{"woman", 9}, {"ist", 7}, {"ee", 6}, {"ician", 9}, {"grapher", 11}, {"ator", 7}}

// speechVerbs take a noun of speech as the object that reports
// ("made a statement that", "voiced concern that").
var speechVerbs = map[string]bool{
	"made": true, "make": true, "makes": true, "making": true, "issued": true,
	"issues": true, "voiced": true, "voices": true, "expressed": true, "expresses": true,
	"expressing": true, "voicing": true,
	"raised": true, "raises": true, "gave": true, "gives": true, "share": true,
	"shares": true, "shared": true, "spread": true, "spreads": true, "drew": true,
	"draws": true, "draw": true,
}

// objectPronouns are the addressees of "told him", "told us".
var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true, "you": true}

// particles complete a reporting verb ("tweeted out that").
var particles = map[string]bool{"out": true, "up": true, "back": true}

// reportMedia are the means a report came by ("said by text message").
var reportMedia = map[string]bool{
	"phone": true, "telephone": true, "email": true, "e-mail": true, "text": true,
	"message": true, "video": true, "videolink": true, "letter": true, "fax": true,
}

// writtenWorks are what one writes that is not itself a claim.
var writtenWorks = map[string]bool{
	"poem": true, "poems": true, "book": true, "books": true, "novel": true, "song": true,
	"songs": true, "article": true, "articles": true, "column": true, "essay": true,
	"story": true, "stories": true, "play": true, "script": true, "biography": true,
	"memoir": true, "thesis": true, "dissertation": true, "chapter": true,
	"letter": true, "letters": true, "editorial": true, "review": true, "petition": true,
	"speech": true, "speeches": true, "report": true, "blog": true, "op-ed": true,
}

// asVerbForms report a judgement only with "as" after their object
// ("sees the trial as a farce"); alone they report nothing ("saw the
// minister").
var asVerbForms = []string{
	"see", "sees", "saw", "regard", "regards", "regarded", "view", "views", "viewed",
	"identify", "identifies", "identified", "assess", "assesses", "assessed",
	"describe", "describes", "described", "characterise", "characterises", "characterised",
	"characterize", "characterizes", "characterized", "label", "labels", "labelled", "labeled",
	"brand", "brands", "branded", "portray", "portrays", "portrayed",
	"dismiss", "dismisses", "dismissed", "denounce", "denounces", "denounced",
	"condemn", "condemns", "condemned", "hail", "hails", "hailed", "praise", "praises", "praised",
}

// asVerbs holds asVerbForms.
var asVerbs = map[string]bool{}

// linkVerbForms state a cause or a connection with "to" or "with" after
// their object ("connects the floods to the new dam", "links the defeat
// with corruption"): the claim is the object with its complement. Alone
// they report nothing ("linked the two towns" is no claim of anyone's).
var linkVerbForms = []string{
	"connect", "connects", "connected", "link", "links", "linked",
	"attribute", "attributes", "attributed",
}

// linkVerbs holds linkVerbForms.
var linkVerbs = map[string]bool{}

// judgementVerbForms judge their object with "to be" after it ("considers
// the response to be disproportionate", "believed the vote to be
// rigged"): the claim is the object with its complement.
var judgementVerbForms = []string{
	"consider", "considers", "considered", "believe", "believes", "believed",
	"declare", "declares", "declared", "judged", "deem", "deems", "deemed",
}

// judgementVerbs holds judgementVerbForms.
var judgementVerbs = map[string]bool{}

func init() {
	for _, f := range asVerbForms {
		asVerbs[f] = true
	}
	for _, f := range judgementVerbForms {
		judgementVerbs[f] = true
		if _, ok := cueVerbs[f]; !ok {
			cueVerbs[f] = cueThat
		}
	}
	for _, f := range linkVerbForms {
		linkVerbs[f] = true
		if _, ok := cueVerbs[f]; !ok {
			cueVerbs[f] = cueThat
		}
	}
}

// opinionNouns after "in X's" introduce X's view ("in his opinion,").
var opinionNouns = map[string]bool{"opinion": true, "view": true, "words": true, "assessment": true, "estimation": true, "judgement": true, "judgment": true}

// sourceModifiers after a noun describe an unnamed source by what it
// knows ("sources familiar with the talks", "a person close to them").
var sourceModifiers = map[string]bool{"familiar": true, "close": true, "knowledgeable": true, "briefed": true}

// articles and demonstratives open a noun phrase and are never its
// subject alone.
var articles = map[string]bool{"a": true, "an": true, "the": true, "this": true, "these": true, "those": true}

// thatlessCues are verbs of saying, among those that otherwise need
// "that", which leave it out before a clause with a noun phrase subject
// ("confirmed two men had been arrested"), and which after "and" report
// anew rather than continue the clause before ("stated that A and
// emphasized that B"). Verbs of thinking or inferring are not among
// them: "hopes audiences will", "records indicated the debt was" are no
// reports of speech.
var thatlessCues = wordSet("confirm", "confirms", "confirmed", "caution", "cautions", "cautioned",
	"announce", "announces", "announced", "deny", "denies", "denied", "reveal", "reveals", "revealed",
	"stress", "stresses", "stressed", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises",
	"emphasised", "reiterate", "reiterates", "reiterated", "promise", "promises", "promised", "vow",
	"vows", "vowed", "disclose", "discloses", "disclosed", "recommend", "recommends", "recommended",
	"underline", "underlines", "underlined", "underscored", "highlight", "highlights", "highlighted",
	"rule", "rules", "ruled")

// auxiliaryVerbs are the auxiliaries and modals that make a verb phrase
// finite: after a noun phrase they mark it as a clause's subject.
var auxiliaryVerbs = wordSet("is", "was", "are", "were", "has", "had", "have", "will", "would",
	"could", "can", "may", "might", "must", "should", "shall", "did", "does", "do")

// copulas link a subject to an adjective of speech ("was adamant that").
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "been": true, "remained": true, "remains": true}

// speechAdjectives after a copula report what follows in a that-clause
// as said with that manner ("was adamant that", "is indignant that").
var speechAdjectives = map[string]bool{
	"adamant": true, "insistent": true, "emphatic": true, "indignant": true,
	"categorical": true, "unequivocal": true, "vocal": true, "outspoken": true,
	// a conviction stated, as "believes that" states one
	"sure": true, "certain": true, "convinced": true, "confident": true,
}

// speechNouns are the objects of speechVerbs that report what follows in
// a that-clause.
var speechNouns = map[string]bool{
	"statement": true, "claim": true, "assertion": true, "announcement": true,
	"concern": true, "concerns": true, "hope": true, "fear": true, "fears": true,
	"warning": true, "promise": true, "pledge": true, "assurance": true, "assurances": true,
	"argument": true, "point": true, "suggestion": true, "complaint": true,
	"allegation": true, "allegations": true, "prediction": true, "remark": true,
	"statements": true, "claims": true, "warnings": true, "promises": true,
	"pledges": true, "arguments": true, "suggestions": true, "complaints": true,
	"predictions": true, "remarks": true, "information": true, "news": true,
	"opinion": true, "view": true, "belief": true, "conviction": true, "attention": true,
	"regret": true, "satisfaction": true, "dissatisfaction": true, "surprise": true,
	"confidence": true, "doubt": true, "doubts": true, "disappointment": true, "outrage": true,
}

// interviewVerbs are what an author did to get the words of the person
// named after them: "I asked Ann Roe", "we spoke to", "I interviewed".
var interviewVerbs = map[string]bool{
	"asked": true, "interviewed": true, "spoke": true, "talked": true, "reached": true,
	"contacted": true, "met": true, "called": true, "emailed": true, "visited": true,
}

// authorVoice are unresolved subject pronouns that, outside quotation
// marks, are the author of the document speaking, or the reader the
// author addresses ("you can also suggest that …").
var authorVoice = map[string]bool{"i": true, "we": true, "you": true}

// portfolioRoles take "of" and the field they cover, not an organisation:
// "Minister of Finance", "professor of Law".
var portfolioRoles = map[string]bool{"minister": true, "professor": true, "lecturer": true}

// pronounOfPossessive gives the subject pronoun of a possessive one.
var pronounOfPossessive = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// accountNouns name what someone said or told, as a document noun names
// what someone wrote: "according to his story", "according to her account".
var accountNouns = wordSet("story", "account", "words", "version", "testimony", "remarks", "comments", "claim", "claims")

// agentPassives are reporting verbs whose passive names, after "by", the
// one who spoke to the subject: "was told by", "has been informed by".
var agentPassives = wordSet("told", "informed", "assured", "notified")

// namingParticiples open a sentence with the name someone was given
// ("Born Agnes Fairlie in 1932, she …"), and are no part of it.
var namingParticiples = wordSet("born", "named", "christened", "baptised", "baptized", "nicknamed", "dubbed")

// proposalVerbs propose an action, which may follow them as a gerund
// ("proposed holding a referendum"). "Recommended raising …" is left
// out: the news gold does not count an expert's advice so, and the
// digests' rules name only "calls for".
var proposalVerbs = wordSet("propose", "proposes", "proposed")

// indefinitePersons are pronouns for people that stand alone as a
// subject ("nobody said", "everyone agrees").
var indefinitePersons = wordSet("nobody", "somebody", "someone", "anybody", "anyone", "everybody", "everyone")

// irregularPlurals are plurals for people without the plural's "s"
// ("people say", "women said").
var irregularPlurals = wordSet("people", "men", "women", "children", "folk", "personnel", "clergy", "media")

// indefinitePronouns end in "-ing" without being gerunds.
var indefinitePronouns = wordSet("nothing", "something", "anything", "everything")

// rankWords make a role a lower rank of it ("deputy chairman", "vice
// president"), held by someone else than the role alone.
var rankWords = wordSet("deputy", "vice", "assistant", "acting")

// participleAdjectivePrepositions, with prepositions, stand before a
// reporting verb's past participle used as an adjective ("amid reported
// interest", "despite claimed savings").
var participleAdjectivePrepositions = wordSet("amid", "amidst", "despite", "over", "among", "after", "without", "following")

// pluralOwners are the possessives of plurals without "-s" that open
// organisations' names ("Women's Premier League", "People's Front").
var pluralOwners = wordSet("women's", "women’s", "men's", "men’s", "children's", "children’s", "people's", "people’s")

// cueCompounds are the nouns that make a reporting verb's form the first
// word of a compound noun ("think tank", "report card").
var cueCompounds = map[string][]string{
	"think": {"tank", "tanks"}, "report": {"card", "cards"},
}

// tellForms are the forms of "tell", whose object is who was told: an
// outlet there is the medium ("told the Bay Herald"), not a speaker.
var tellForms = wordSet("tell", "tells", "told", "telling")

// reportJoiners join two clauses that may each carry a report of its own
// ("said A, while Unite called B", "said A, though he conceded B"); not
// "but", which more often joins two parts of one report
var reportJoiners = wordSet("and", "while", "whereas", "though", "although")

// sentenceAdverbs stand between commas after a subject ("Ivo Rask,
// however, said").
var sentenceAdverbs = wordSet("however", "meanwhile", "though", "too", "also", "instead", "nevertheless", "nonetheless", "likewise", "moreover")

// pageFurniture are the lines a web page puts between an article's
// paragraphs, copied with its text: no heading, no name, no statement.
var pageFurniture = wordSet("article continued below", "article continues below", "story continues below",
	"story continues below advertisement", "continue reading", "continue reading below", "advertisement",
	"skip advertisement", "scroll to continue", "scroll to continue with content")

// captionLabels open the caption of a picture or a video ("PHOTO: …").
var captionLabels = wordSet("photo", "photos", "video", "image", "picture", "caption", "photograph")

// teaserLabels open links to other articles in any case ("Related: …").
var teaserLabels = wordSet("related", "read more", "read also", "see also", "also read", "more", "watch", "listen", "recommended")

// viewNouns name a view someone holds, which "was that …" states: "his
// assessment was that …".
var viewNouns = wordSet("assessment", "view", "position", "argument", "conclusion", "opinion", "belief",
	"message", "answer", "response", "stance", "understanding", "explanation", "verdict")

// lyNouns end in "ly" but are nouns, not adverbs: "the family said".
var lyNouns = map[string]bool{
	"family": true, "assembly": true, "ally": true, "rally": true, "supply": true,
	"reply": true, "monopoly": true, "anomaly": true, "bully": true, "homily": true,
}

// continuationVerbs take "on to" before a reporting verb ("went on to
// say").
var continuationVerbs = map[string]bool{"went": true, "goes": true, "go": true, "going": true}

// authorLinks join a document noun to its author ("a statement from the
// council", "a report by Ann Roe").
var authorLinks = map[string]bool{"from": true, "by": true, "of": true}

// affiliationNouns name a person by party or faction; as the head of a
// definite description ("the Ohio Republican") they refer to a person named
// earlier.
var affiliationNouns = map[string]bool{
	"democrat": true, "republican": true, "conservative": true, "liberal": true,
	"tory": true, "socialist": true, "nationalist": true, "libertarian": true,
	"independent": true, "progressive": true, "populist": true, "centrist": true,
}

// anonymousRoles are roles reporters give sources they do not name ("the
// official said", "a spokesperson"); such a description refers back only
// to someone introduced with that word.
var anonymousRoles = map[string]bool{
	"official": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"employee": true, "worker": true, "resident": true, "witness": true, "officer": true,
	"source": true, "expert": true, "analyst": true, "volunteer": true, "victim": true,
	"survivor": true, "student": true, "agent": true, "staff": true, "member": true,
	"voter": true, "shopper": true, "commuter": true, "customer": true, "passenger": true,
	"patient": true, "driver": true, "motorist": true, "tenant": true, "protester": true,
	"bystander": true, "eyewitness": true, "spectator": true, "parent": true,
}

// kinWords name relatives; "the father" in a report is usually a new,
// unnamed person, not someone named before.
var kinWords = map[string]bool{
	"father": true, "mother": true, "son": true, "daughter": true, "brother": true,
	"sister": true, "wife": true, "husband": true, "widow": true, "uncle": true,
	"aunt": true, "cousin": true, "grandmother": true, "grandfather": true, "friend": true,
	"neighbour": true, "neighbor": true, "parents": true, "niece": true, "nephew": true,
	"granddaughter": true, "grandson": true,
}

// genericOrgNouns are heads of definite descriptions that refer back to
// the organisation last quoted even when its name does not contain them:
// "Acme said … the company said", "the agency told".
var genericOrgNouns = map[string]bool{
	"company": true, "firm": true, "agency": true, "group": true, "organization": true,
	"organisation": true, "business": true, "retailer": true, "airline": true,
	"carrier": true, "manufacturer": true, "automaker": true, "charity": true,
	"newspaper": true, "broadcaster": true, "publication": true, "outlet": true,
	"startup": true, "insurer": true, "developer": true, "operator": true,
	"supplier": true, "giant": true, "platform": true, "regulator": true, "watchdog": true,
	"maker": true, "carmaker": true, "chipmaker": true, "drugmaker": true, "lender": true,
	"utility": true, "force": true, "station": true, "channel": true, "portal": true, "site": true, "magazine": true,
	"tabloid": true, "daily": true, "weekly": true,
}

// outletKindPrefixes are words for a kind of outlet that a translated
// digest writes capitalised before the outlet's name, with no article
// ("Portal Nettow informs", "Newspaper Kessa Times writes"), or for a
// kind of company that opens a sentence so: they are not part of the
// name.
var outletKindPrefixes = wordSet("portal", "newspaper", "website", "outlet",
	// and what kind of company ("Developer Kestrel Gate Homes says")
	"developer", "retailer", "insurer", "carmaker", "automaker", "drugmaker", "chipmaker",
	"manufacturer", "supplier", "operator", "broadcaster", "regulator", "builder")

// outletNouns describe a news outlet: "the outlet", "the newspaper".
// Each is one of genericOrgNouns too, which is what brings a description
// to the outlet that reported.
var outletNouns = wordSet("outlet", "newspaper", "portal", "publication", "broadcaster",
	"channel", "station", "daily", "weekly", "site", "tabloid", "magazine")

// outletCues are the forms of verbs by which an outlet reports: a
// speaker named as their subject may be one, whatever its name reads like.
var outletCues = wordSet("reports", "reported", "writes", "wrote", "publishes", "published")

// postNominals are letters written after a name for a rank or an
// honour ("Ann Roe KC", "Ivo Rask OBE"): no part of the name.
var postNominals = wordSet("kc", "qc", "obe", "mbe", "cbe", "kbe", "dbe", "frs")

// businessWords end the names of companies named by their trade
// ("Dunmore Foods", "Harbour Airlines"): what "the company" may refer to.
var businessWords = wordSet("foods", "markets", "stores", "minerals", "resources", "logistics", "mining",
	"holdings", "industries", "airlines", "airways", "motors", "energy", "pharmaceuticals", "technologies",
	"systems", "labs", "software", "solutions", "telecom", "insurance", "ventures", "partners", "capital",
	"properties", "realty", "developments", "construction", "homes", "estates", "timber", "lumber",
	"dairies", "brewing", "builders")

// anonymityParticiples end a source's request not to be named: "asked
// not to be named", "… identified", "… quoted by name".
var anonymityParticiples = wordSet("named", "identified", "quoted")

// periodicalNouns are adverbs in "-ly" that name a periodical after a
// determiner: "The daily said", "the weekly reported".
var periodicalNouns = wordSet("daily", "weekly", "monthly", "quarterly")

// orgNounKinds are the heads of organisations' names that a description
// by another noun may refer to: a federation of unions is "the union".
var orgNounKinds = map[string][]string{
	"union": {"federation", "confederation", "syndicate", "guild"},
}

// orgNouns are heads of definite descriptions that refer back to an
// organisation whose name contains them ("the union" after "the Teachers'
// Union"); without such a name they stay unnamed sources.
var orgNouns = map[string]bool{
	"network": true, "union": true, "diocese": true, "church": true,
	"university": true, "school": true, "ministry": true, "department": true,
	"association": true, "foundation": true, "institute": true, "coalition": true,
	"party": true, "bank": true, "club": true, "team": true, "league": true,
	"commission": true, "committee": true, "council": true, "board": true,
	"utility": true, "chamber": true, "academy": true, "confederation": true,
	"federation": true, "guild": true, "unit": true, "authority": true, "festival": true,
	"alliance": true, "court": true, "tribunal": true, "movement": true,
	"society": true, "delegation": true, "mission": true, "embassy": true,
	"bureau": true, "office": true, "museum": true, "gallery": true, "library": true,
	"hospital": true, "wing": true, "branch": true, "trust": true, "zoo": true, "constabulary": true,
	"clinic": true, "brotherhood": true, "cooperative": true, "synod": true,
}

// groupNouns are plural common nouns for groups of unnamed sources that
// are not plurals of role words ("officials", "experts" are).
var groupNouns = wordSet("authorities", "police", "protesters", "protestors", "demonstrators", "sources",
	"witnesses", "observers", "participants", "investigators", "lawmakers", "legislators", "voters",
	"locals", "parents", "workers", "employees", "members", "residents", "officials", "experts", "analysts",
	"users", "netizens", "citizens", "commentators", "groups", "staff", "cops", "campaigners",
	"activists", "neighbours", "neighbors", "students", "teachers", "doctors", "nurses", "farmers")

// isGroupNoun reports whether w names a group of unnamed people: a group
// noun, or the plural of a role word ("critics", "scientists").
func isGroupNoun(w string) bool {
	if groupNouns[w] {
		return true
	}
	singular, ok := strings.CutSuffix(w, "s")
	if !ok {
		return false
	}
	if roleWords[singular] {
		return true
	}
	// the plural of a noun formed for people ("supporters", "opponents",
	// "economists", "historians"), unless it names things
	if documentNouns[w] || thingPlurals[w] || len(singular) < 5 {
		return false
	}
	for _, suffix := range []string{"er", "ist", "ian", "ant", "ent"} {
		if strings.HasSuffix(singular, suffix) {
			return true
		}
	}
	return false
}

// thingPlurals end like plurals of nouns for people but name things.
var thingPlurals = wordSet("numbers", "papers", "letters", "comments", "documents", "elements",
	"statements", "arguments", "agreements", "investments", "payments", "events", "matters",
	"orders", "powers", "offers", "centers", "borders", "waters", "markets")

// surnameRoles are role words that are also common surnames, a name's
// last word after a given name ("Ann Judge", "Martin Luther King"); other
// role words after a capitalised word are a title ("Finance Minister").
var surnameRoles = wordSet("judge", "king", "bishop", "dean", "major", "prince", "pope", "knight",
	"marshal", "farmer", "carpenter", "priest", "chancellor", "sheriff", "clerk", "elder", "parsons",
	"fisherman", "ranger", "warden", "porter", "baker", "cook", "mason", "general", "abbott", "steward")

// makeForms and haveForms are the verbs of the idioms "made it clear
// that" and "has no doubt that".
var (
	makeForms = wordSet("make", "makes", "made", "making")
	haveForms = wordSet("has", "have", "had", "having")
	comeForms = wordSet("come", "comes", "came", "coming")
	// retortForms before "back" retort: "shot back that …"
	retortForms = wordSet("shot", "shoots", "fired", "fires", "hit", "hits", "snapped", "snaps")
)

// personNouns name people by no role ("the woman who found the dog").
var personNouns = wordSet("man", "woman", "men", "women", "person", "people", "boy", "girl", "child", "children", "teenager", "couple")

// openingSubordinators open a subordinate clause before the main one
// ("Although Ann Roe said …, the talks went on").
var openingSubordinators = wordSet("although", "though", "while", "whilst", "because", "since", "whereas", "if", "when", "after", "before", "unless", "once", "even")

// leadVerbs say that someone leads an organisation ("who chairs the
// Harbour Party").
var leadVerbs = wordSet("chairs", "chaired", "heads", "headed", "leads", "led", "runs", "ran", "directs", "directed", "founded", "co-founded")

// organQualifiers and organNouns name the office an organisation speaks
// through: "press service", "information office", "media centre".
var (
	organQualifiers = wordSet("press", "information", "media", "communications")
	organNouns      = wordSet("service", "office", "centre", "center", "department", "secretariat", "bureau", "unit")
)

// representativeNouns name those who speak for the organisation after
// "of" ("the press service of the ministry", "the office of the mayor").
var representativeNouns = wordSet("service", "office", "secretariat", "spokesperson", "spokesman", "spokeswoman", "representative", "representatives")

// adjectivePrefixes open adjectives compounded with a hyphen, which
// describe the name after them ("Pro-government Sünbül TV", "Anti-war
// campaigners").
var adjectivePrefixes = wordSet("pro", "anti", "non", "semi", "neo", "ultra", "quasi", "pseudo")

// familyNouns are those who speak for a person they are kin or close to,
// named after "of" ("the family of Ann Roe says").
var familyNouns = wordSet("family", "relatives", "parents", "friends", "children")

// questioningVerbs report a question when a question word follows them
// ("wondered why the plant closed", "questioned whether it would work").
var questioningVerbs = wordSet("wondered", "wonders", "questioned", "doubted", "doubts", "inquired", "enquired")

// answerVerbs report an answer, given by whom a question before asked.
var answerVerbs = wordSet("replied", "replies", "answered", "answers", "responded", "responds", "retorted")

// accountHeads, before "of", give whose account a translated "according
// to" cites: "according to words of the lawyer", "according to
// information of the party".
var accountHeads = wordSet("words", "information", "data")

// titleFunctionWords are the short words only title case capitalises:
// "Account Of Kapsalnet Unfrozen".
var titleFunctionWords = wordSet("of", "the", "and", "in", "for", "on", "to", "at", "with", "a", "an", "by", "from")

// questionWords open a reported question ("asked why the plant closed").
var questionWords = map[string]bool{
	"why": true, "what": true, "how": true, "whether": true, "if": true, "when": true,
	"where": true, "who": true, "whom": true, "which": true, "whose": true,
}

// progressiveAux stand between a subject and a reporting verb in -ing
// ("members are reporting", "she has been saying").
var progressiveAux = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "am": true, "be": true, "been": true,
}

// nominativePronouns are subject pronouns that cannot be objects: after a
// reporting verb they open a clause ("confirmed she will run").
var nominativePronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// thereVerbs follow an expletive "there" that opens a clause ("there are
// no plans", "there will be").
var thereVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true,
	"has": true, "have": true, "had": true, "could": true, "may": true, "might": true,
	"should": true, "must": true, "can": true, "remains": true, "remain": true,
	"'s": true, "’s": true,
}

// impersonalVerbs report in an impersonal passive without an agent ("it
// is reported that", "it was announced that"); beliefs and expectations
// ("it is expected that") are nobody's statement.
var impersonalVerbs = wordSet("reported", "said", "announced", "stated", "claimed", "alleged",
	"noted", "stressed", "emphasized", "emphasised", "rumoured", "rumored", "declared",
	"confirmed", "understood", "revealed", "learned", "learnt")

// ownerPrepositions join a role to the organisation it serves ("a
// spokesperson for the agency", "an official with the ministry").
var ownerPrepositions = map[string]bool{"for": true, "at": true, "with": true, "from": true, "in": true}

// orgLinks join the words of an organisation's name after a word for an
// organisation ("Ministry of Justice", "Institute for Peace", "Monitoring
// Centre under the Ministry of Justice").
var orgLinks = map[string]bool{"of": true, "for": true, "under": true, "on": true}

// relativeWords open a relative clause, which says something of a person
// but gives no role ("Ann Roe, whose son attends the school").
var relativeWords = map[string]bool{"who": true, "whose": true, "whom": true, "which": true, "that": true, "where": true}

// quantityNouns count a group named by the "of" phrase after them
// ("Dozens of parents", "Hundreds of residents").
var quantityNouns = wordSet("dozens", "hundreds", "thousands", "scores", "millions", "tens")

// obtainVerbs tell who has a document, not who wrote it ("documents
// obtained by the Herald").
var obtainVerbs = wordSet("obtained", "seen", "reviewed", "viewed", "acquired", "received")

// quoteVerbs report someone else's words: "X quotes Y as saying".
var quoteVerbs = wordSet("quotes", "quoted", "quoting", "cites", "cited", "citing")

// mediumNouns name where something was said or written ("in his Facebook
// post", "on her page", "in an interview").
var mediumNouns = wordSet("account", "page", "post", "posts", "interview", "video", "speech",
	"column", "article", "blog", "statement", "letter", "message", "tweet", "broadcast", "podcast", "release", "note", "address", "remarks",
	"comment", "comments")

// mediumPartners link a medium to whom it was for or with: "in an
// interview with Radio Harbour", "in comment for the agency Brisk Wire".
var mediumPartners = wordSet("with", "to", "on", "for")

// placePrepositions open a phrase of place or time after an addressee
// ("told reporters after the hearing the …") beside the prepositions.
var placePrepositions = wordSet("after", "before", "during", "outside", "inside", "near")

// mediumPlaces are further words for where something was said or
// written: "in a research note", "at a news conference".
var mediumPlaces = wordSet("note", "notes", "report", "filing", "conference", "briefing", "release",
	"memo", "editorial", "newsletter", "website", "site", "feed", "call", "media", "radio", "television",
	"air", "channel", "platform", "programme", "program", "livestream", "forum", "bulletin", "news", "newscast",
	"edition", "press-release", "press-conference")

// singularArticles open a singular noun phrase: no verb follows them.
var singularArticles = map[string]bool{"a": true, "an": true, "another": true, "each": true}

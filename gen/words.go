package gen

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/quotedb/quotedb/store"
)

// The vocabulary of generated records. The names are made up from common
// name parts and stand for no one.

var firstNames = []string{
	"Əli", "İlham", "Sabir", "Leyla", "Arif", "Günel", "Rəşad", "Nigar", "Tofiq", "Aygün",
	"Elçin", "Fuad", "Səbinə", "Murad", "Nərmin", "Orxan", "Ülviyyə", "Vüsal", "Zaur", "Şəhla",
	"Anna", "Maria", "John", "David", "Sarah", "Michael", "Laura", "Peter", "Elena", "Thomas",
	"Olga", "Ivan", "Marta", "Jan", "Sofia", "Lucas", "Emma", "Noah", "Amira", "Omar",
	"Fatma", "Mehmet", "Ayşe", "Emre", "Giorgi", "Nino", "Levan", "Tamar", "Aram", "Ani",
	"Chen", "Wei", "Yuki", "Kenji", "Priya", "Arjun", "Ngozi", "Kwame", "Lucía", "Mateo",
}

var lastRoots = []string{
	"Kərim", "Əli", "Rüstəm", "Yunus", "Hacı", "Məmməd", "Quli", "Hüseyn", "Qasım", "Baba",
	"Həsən", "İsmayıl", "Cəfər", "Nəsib", "Orucov", "Sadıq", "Talıb", "Vəli", "Zeynal", "Şahin",
	"Mill", "Brown", "Clark", "Walk", "Hart", "Wood", "Stone", "Fish", "Bell", "Green",
	"Petr", "Ivan", "Kovál", "Nowak", "Horvat", "Novak", "Popesc", "Dimitr", "Georg", "Nikol",
	"Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç",
	"Beridz", "Kapanadz", "Lomidz", "Gelashvil", "Sargsy", "Hakoby", "Grigory", "Avetisy", "Tan", "Lin",
}

var lastMiddles = []string{"", "", "", "", "an", "er", "ov", "ski", "el", "in", "ar", "ul", "ek", "ad", "or", "is", "am", "et", "on", "ab"}

var lastSuffixes = []string{"li", "ov", "ova", "yev", "yeva", "zadə", "son", "ian"}

var middleInitials = strings.Split("A B C D E F G H I J K L M N O P R S T U V Y Z Ə Ş Ç", " ")

// personName draws a first and a last name.
func personName(r *rand.Rand) (first, last string) {
	return pick(r, firstNames), pick(r, lastRoots) + pick(r, lastMiddles) + pick(r, lastSuffixes)
}

// asciiFold spells a name in ASCII, the way wire services transliterate
// Azerbaijani and Turkish names.
var asciiFold = strings.NewReplacer(
	"ə", "a", "Ə", "A", "ı", "i", "İ", "I", "ş", "sh", "Ş", "Sh", "ç", "ch", "Ç", "Ch",
	"ğ", "g", "ö", "o", "Ö", "O", "ü", "u", "Ü", "U", "á", "a", "í", "i",
).Replace

var descriptions = []string{
	"member of parliament", "political analyst", "economist", "opposition leader", "minister",
	"spokesperson", "lawyer", "journalist", "human rights defender", "party chairman",
	"deputy minister", "professor of political science", "former ambassador", "mayor",
}

var roles = []string{
	"", "", "member", "member", "chairman", "deputy chairman", "spokesperson", "minister",
	"adviser", "editor", "director", "board member", "head of the press service", "MP",
}

var cues = []string{
	"said", "said", "said", "told reporters", "stated", "argued", "wrote", "claimed", "noted",
	"stressed", "added", "warned", "insisted", "explained", "announced", "urged",
}

var orgKinds = []store.OrgKind{store.Party, store.Media, store.Media, store.Govt, store.NGO, store.ThinkTank, store.OtherOrg}

var kindWord = map[store.OrgKind]string{
	store.Party: "party", store.Media: "news", store.Govt: "ministry", store.NGO: "union",
	store.ThinkTank: "institute", store.OtherOrg: "group",
}

var (
	orgAdjectives = []string{"Popular", "National", "Democratic", "Republican", "Liberal", "United", "Free", "Civic", "Social", "Green", "New", "Independent", "Progressive", "Modern", "Justice", "Unity", "Reform", "Equality"}
	orgNouns      = []string{"Front", "Movement", "Alliance", "Union", "Party", "Congress", "Forum", "Council", "Coalition", "Platform"}
	mediaWords    = []string{"Times", "Voice", "Herald", "Post", "Daily", "Observer", "Courier", "Report", "Tribune", "Gazette", "Radio", "Wire"}
	places        = []string{"Baku", "Ganja", "Caspian", "Eastern", "Caucasus", "Metro", "Capital", "Northern", "Southern", "Western", "Central", "Atlantic", "Euro", "Global"}
	ministries    = []string{"Foreign Affairs", "Finance", "Economy", "Defence", "Justice", "Education", "Health", "Energy", "Interior", "Culture", "Agriculture", "Ecology", "Labour", "Transport", "Digital Development"}
	causes        = []string{"Human Rights", "Press Freedom", "Fair Elections", "Open Society", "Transparency", "Women's Rights", "Refugees", "Environment", "Civil Liberties", "Children"}
	fields        = []string{"Strategic Studies", "Economic Research", "Policy Analysis", "International Relations", "Security Studies", "Energy Policy", "Regional Studies"}
)

// orgName draws a name for an organisation of the kind.
func orgName(r *rand.Rand, kind store.OrgKind) string {
	switch kind {
	case store.Party:
		i := r.IntN(len(orgAdjectives))
		j := (i + 1 + r.IntN(len(orgAdjectives)-1)) % len(orgAdjectives)
		return orgAdjectives[i] + " " + orgAdjectives[j] + " " + pick(r, orgNouns)
	case store.Media:
		return pick(r, places) + " " + pick(r, mediaWords)
	case store.Govt:
		return "Ministry of " + pick(r, ministries) + " of " + pick(r, places) + " Region"
	case store.NGO:
		return pick(r, places) + " Committee for " + pick(r, causes)
	case store.ThinkTank:
		return pick(r, places) + " Institute for " + pick(r, fields)
	}
	return pick(r, places) + " " + pick(r, []string{"Chamber of Commerce", "Bar Association", "Trade Union", "Football Federation", "Academy of Sciences", "Writers' Union"})
}

// topicTree is the topic hierarchy: roots, each followed by its subtopics
// indented by two spaces.
var topicTree = []string{
	"Politics", "  Elections", "  Parliament", "  Political Prisoners", "  Opposition", "  Constitution", "  Local Government",
	"Economy", "  Inflation", "  Budget", "  Oil and Gas", "  Banking", "  Unemployment", "  Taxes", "  Trade",
	"Foreign Policy", "  Karabakh", "  War in Ukraine", "  European Union", "  Russia", "  Turkey", "  Iran", "  United States", "  Peace Talks",
	"Society", "  Education", "  Health", "  Housing", "  Migration", "  Religion", "  Pensions",
	"Rights", "  Press Freedom", "  Freedom of Assembly", "  Women's Rights", "  Corruption", "  Courts",
	"Environment", "  Climate", "  Water", "  Caspian Sea", "  Pollution",
	"Security", "  Military", "  Police", "  Terrorism", "  Cyber Security",
	"Culture", "  Sport", "  Media", "  Language", "  Heritage",
	"Technology", "  Internet", "  Artificial Intelligence", "  Telecoms",
}

var topicAliases = map[string]string{
	"Karabakh": "Qarabağ", "War in Ukraine": "Russian invasion of Ukraine", "European Union": "EU",
	"Oil and Gas": "Energy", "Artificial Intelligence": "AI", "United States": "USA",
}

var vocabulary = strings.Fields(`
the government must we will not allow this to continue our people deserve better
the opposition has always said that elections were neither free nor fair and
parliament should debate the budget before it is too late for the economy of
the country inflation has risen again prices of bread and fuel are higher than
last year we call on the authorities to release political prisoners immediately
journalists are being arrested for doing their job the court decision is a
disgrace there is no alternative to peace negotiations the ministry will present
a new reform package next month investment in education and health is our
priority corruption remains the main obstacle to development unemployment among
young people is a serious problem we support the territorial integrity of all
states the agreement signed today opens a new chapter in our relations energy
exports will grow by ten percent this year the central bank acted responsibly
our party will take part in the municipal elections citizens have the right to
peaceful assembly the police used excessive force against protesters the report
shows that the number of complaints has doubled this is a historic day for the
nation we demand an independent investigation into these events the sanctions
will hurt ordinary people more than the regime the climate crisis affects the
Caspian region too water shortages in the villages are getting worse pensions
must be indexed to inflation the media law restricts freedom of expression we
are ready for dialogue but not at any price the negotiations are at a critical
stage nobody is above the law the new airport will create thousands of jobs
`)

// words draws n words of the vocabulary.
func words(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pick(r, vocabulary))
	}
	return b.String()
}

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if i == 0 || len(w) > 3 {
			rs := []rune(w)
			rs[0] = unicode.ToUpper(rs[0])
			ws[i] = string(rs)
		}
	}
	return strings.Join(ws, " ")
}

// sentences draws the text of a statement: log-normally distributed around
// 150 bytes, between 40 and 600, in sentences of 8 to 25 words.
func sentences(r *rand.Rand) string {
	target := int(math.Exp(math.Log(150) + 0.5*r.NormFloat64()))
	target = min(max(target, 40), 600)
	var b strings.Builder
	for b.Len() < target {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		s := words(r, 8+r.IntN(18))
		b.WriteString(strings.ToUpper(s[:1]))
		b.WriteString(s[1:])
		b.WriteByte('.')
	}
	return b.String()
}

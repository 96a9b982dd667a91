/**
 * Word lists the rules lean on. Kept small on purpose: the whole reader must stay a few tens of
 * kilobytes so the worker loads it quickly. All keys are lower case.
 */

import { LARGE_SCALE_WORDS, TENS_WORDS, UNIT_WORDS } from './number-words';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Words that take a period without ending the sentence (matched without the period). */
export const ABBREVIATIONS = words(`
mr mrs ms mx dr st jr sr prof gen sen rep gov col lt sgt capt cmdr adm rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
vs v etc eg ie approx dept est fig mt ft no nos vol op cf al ca
`);

/** Abbreviations that may also close a sentence ("... and Co. The next ..."). */
export const SOFT_ABBREVIATIONS = words('inc ltd co corp plc etc bros llc');

/** Capitalised words that commonly open a sentence and are not names. */
export const SENTENCE_STARTERS = words(`
a an the this that these those there then thus so but and or yet nor for if when while as after
before since although though because once until unless he she it they we you i his her its their our
my your in on at by from with without into of to over under about around between during among
meanwhile however moreover furthermore also still even only just now today yesterday tomorrow
here where what which who whom whose why how some many most much more few several all both each
every any no not none one two three four five six seven eight nine ten last next first such other
another despite following according earlier later recently overall instead indeed perhaps maybe
asked speaking under unlike like according nevertheless nonetheless elsewhere concurrently
bar save except excluding including besides beyond amid amidst against throughout towards via upon
`);

/** Function words: never part of a name, never an answer on their own. */
export const STOPWORDS = words(`
a an the this that these those there then thus so but and or yet nor for if when while as after
before since although though because once until unless he she it they we you i me him them us his
her its their our my your in on at by from with without into onto of to over under about around
between during among is are was were be been being am has have had having do does did will would
shall should can could may might must not no yes also very more most less least than too just only
even still such what which who whom whose why how where all any both each few many much several
some other another own same up down out off again further here now s t don should've
against within through throughout across toward towards upon via per like unlike despite whether
because however therefore including among amongst beyond onto until till either neither whose
ever never always often sometimes usually later earlier ago already instead rather around
prior relative due regardless respectively thereby whereas
`);

export const AUXILIARIES = words(`
is are was were am be been being has have had do does did will would shall should can could may
might must
`);
export const MODALS = words('will would shall should can could may might must');

/** Verbs that introduce speech; inflected forms listed so no stemming is needed. */
export const SPEECH_VERBS = words(`
said says say saying told tells tell stated states state declared declares added adds announced
announces explained explains insisted insists warned warns argued argues claimed claims noted notes
specified specifies wrote writes asked asks replied replies suggested suggests urged urges admitted
admits stressed stresses commented comments tweeted tweets called calls praised praising praises
described describes confirmed confirms revealed reveals acknowledged acknowledges promised promises
vowed vows pledged pledges predicted predicts maintained maintains reported reports believes
believed thinks thought indicated indicates agreed agrees added concluded concludes recalled
recalls hailed hails
`);

/** Honorifics: the next capitalised word is a person's name. */
export const HONORIFICS = words('mr mrs ms miss mx dr sir dame lord lady prof professor rev');

/** Capitalised titles that stand before a person's name and give a role. */
export const TITLE_WORDS = words(`
president vice prime minister chancellor secretary envoy special ambassador senator governor mayor
king queen prince princess pope archbishop bishop cardinal general colonel admiral captain judge
justice director chairman chairwoman chief commissioner speaker representative congressman
congresswoman premier foreign home defence defense deputy executive coach detective inspector
sergeant lieutenant commander emperor sheikh ayatollah rabbi chair lawmaker leader minister
first lady emir sultan president-elect mp attorney assistant state health finance interior trade
culture education justice sports transport environment energy labour shadow opposition party
supreme national former acting interim managing financial operating commercial technical head
councillor councilor alderman sheriff constable superintendent
`);

/** The part of a title that names the office ("Prime Minister", not "Prime"). */
export const ROLE_HEADS = words(`
president minister chancellor secretary envoy ambassador senator governor mayor king queen prince
princess pope archbishop bishop cardinal general colonel admiral captain judge justice director
chairman chairwoman chief commissioner speaker representative congressman congresswoman premier
deputy executive coach detective inspector sergeant lieutenant commander emperor sheikh ayatollah
rabbi chair lawmaker leader emir sultan president-elect mp attorney head officer spokesman
spokeswoman spokesperson manager boss founder councillor councilor alderman sheriff constable
superintendent
`);

/** Lower-case nouns that describe a person ("chief executive X", "X, the striker,"). */
export const ROLE_NOUNS = words(`
executive chief boss chairman chairwoman chair director minister secretary spokesman spokeswoman
spokesperson president leader manager coach striker midfielder defender goalkeeper keeper captain
player singer actor actress star producer writer author novelist analyst economist founder
co-founder head governor envoy ambassador official lawyer judge editor reporter correspondent
chancellor mp senator candidate champion winner rapper musician presenter host comedian artist
designer campaigner expert professor scientist researcher commissioner adviser advisor
son-in-law daughter-in-law father-in-law son daughter wife husband brother sister father mother
partner deputy vice-president treasurer general officer pilot prosecutor attorney inspector
activist investor entrepreneur owner ceo cfo chairperson guitarist drummer bassist frontman
vocalist composer director-general secretary-general commissioner-general president-elect
premier king queen prince princess pope bishop archbishop mayor counsel boss economist
strategist teacher doctor surgeon nurse architect engineer critic historian philosopher poet
photographer filmmaker dancer model chef fly-half winger scrum-half full-back centre prop hooker
lock flanker batsman bowler runner sprinter athlete boxer cyclist swimmer golfer jockey driver
rider skier skater gymnast fighter wrestler heavyweight opener spinner all-rounder forward
rival successor predecessor colleague friend ally aide
`);

/** Family and other relations: "X, Y's son-in-law". */
export const RELATION_NOUNS = words(`
son-in-law daughter-in-law father-in-law mother-in-law brother-in-law sister-in-law son daughter
wife husband brother sister father mother partner widow widower nephew niece cousin uncle aunt
grandson granddaughter fiancee fiance girlfriend boyfriend
`);

/** Common nouns that only a person is: "the woman, X,", "schoolboy X". */
export const PERSON_NOUNS = words(`
woman man girl boy lady gentleman teenager schoolboy schoolgirl pensioner businessman businesswoman
tycoon billionaire millionaire housewife mum dad grandmother grandfather heiress compatriot
countryman countrywoman team-mate teammate youngster
`);

/**
 * Acronyms of things, measures and ideas, not bodies: "GDP", "DVD", "CEO". An unknown acronym is
 * otherwise taken for an organisation.
 */
export const THING_ACRONYMS = words(`
gdp gnp dvd dvds cd cds ceo ceos cfo coo mp3 gmt bst hiv aids dna rna suv suvs vat isa isas pin atm
atms lcd pda pdas url html ipo ipos mba ram cpu gps sms dsl wmd ivf sars mrsa bse api usb pvr hdtv
drm isp isps p2p gcse gcses asbo asbos rpi cpi agm egm obe mbe cbe lpg cctv pfi iq
gui mri adhd ptsd ufo ufos tnt lsd mdma rpg mmorpg psp sim sims dab mms wap lan wifi vcr dj djs mvp
`);

/** Words that mark a capitalised run as an organisation. */
export const ORG_WORDS = words(`
party bank council union organization organisation ministry inc ltd corp corporation plc group
association university college school commission court committee agency department office
federation league club fc company co institute foundation trust authority service services
board bureau alliance coalition network news times post journal telegraph guardian herald
records studios pictures films airlines airways motors industries holdings partners capital
securities systems technologies software labs laboratories electronics energy oil gas telecom
communications media press broadcasting broadcaster assembly parliament congress senate cabinet
government administration police army navy force forces brigade regiment command institute
church hospital centre center academy society fund exchange markets reserve treasury
tribunal panel unit division team orchestra band
`);

/**
 * Words that make a body of a name they close ("Orbit Asset Advisors", "Vale Electric"), though
 * at its start they are often a common noun in capitals ("Advisors Kell & Co said").
 */
export const ORG_END_WORDS = words(
	'advisors advisers associates investments electric dynamics pharma'
);

/** Words that mark a capitalised run as a place. */
export const PLACE_WORDS = words(`
region province state county city town village district island islands river lake mountains
mountain valley coast bay sea ocean gulf strait peninsula desert street road avenue square
airport port harbour stadium park bridge palace castle cathedral territory territories republic
kingdom borough heights hill hills
`);

export const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
export const MONTH_ABBR: Record<string, number> = {
	jan: 0,
	feb: 1,
	mar: 2,
	apr: 3,
	jun: 5,
	jul: 6,
	aug: 7,
	sep: 8,
	sept: 8,
	oct: 9,
	nov: 10,
	dec: 11
};
export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday'
];

export const NUMBER_WORDS: Record<string, number> = {
	...UNIT_WORDS,
	...TENS_WORDS,
	hundred: 100,
	dozen: 12,
	dozens: 24,
	hundreds: 200,
	thousands: 2000,
	millions: 2000000
};
export const SCALE_WORDS: Record<string, number> = {
	hundred: 100,
	...LARGE_SCALE_WORDS,
	m: 1e6,
	bn: 1e9,
	k: 1e3,
	tn: 1e12
};
/** Words before a number that keep it vague but still countable ("several thousand"). */
export const VAGUE_NUMBER = words('several few many some about around nearly almost over under');

export const CURRENCY_SYMBOLS = new Set(['$', '£', '€', '¥', '₹']);
export const CURRENCY_WORDS = words(
	'dollars dollar pounds pound euros euro yen yuan rupees pence cents sterling'
);
export const PERCENT_WORDS = words('percent per cent percentage points');

/** Nouns that make "number + noun" a quantity worth asking "how many" about. */
export const TIME_UNITS = words(
	'years year months month weeks week days day hours hour minutes minute seconds decades decade centuries century'
);

/** Past tense and participles that do not end in -ed, mapped to the base form. */
export const IRREGULAR_VERBS: Record<string, string> = {};
for (const row of `be was were been|have had|do did done|go went gone|make made|take took taken|
give gave given|get got gotten|say said|tell told|see saw seen|come came|know knew known|
think thought|find found|leave left|keep kept|hold held|bring brought|begin began begun|
become became|show showed shown|hear heard|let let|put put|set set|run ran|pay paid|meet met|
lead led|stand stood|lose lost|send sent|build built|fall fell fallen|cut cut|sell sold|
win won|spend spent|grow grew grown|write wrote written|speak spoke spoken|break broke broken|
choose chose chosen|rise rose risen|drive drove driven|buy bought|fight fought|seek sought|
catch caught|teach taught|draw drew drawn|hit hit|feel felt|sit sat|lie lay lain|beat beat beaten|
throw threw thrown|fly flew flown|steal stole stolen|strike struck|swear swore sworn|
withdraw withdrew withdrawn|overtake overtook overtaken|undertake undertook undertaken|
forecast forecast|spread spread|shut shut|hurt hurt|quit quit|bet bet|upset upset|bear bore born|
wear wore worn|tear tore torn|freeze froze frozen|shake shook shaken|ride rode ridden|
sing sang sung|ring rang rung|drink drank drunk|sink sank sunk|eat ate eaten|forget forgot forgotten|
forgive forgave forgiven|hide hid hidden|bite bit bitten|slide slid|light lit|feed fed|
bleed bled|flee fled|sweep swept|sleep slept|weep wept|lend lent|bend bent|bind bound|
dig dug|hang hung|shoot shot|stick stuck|swing swung|wind wound|mean meant|read read|
understand understood|overcome overcame|arise arose arisen|awake awoke awoken|deal dealt|
oversee oversaw overseen|outline outlined|withhold withheld|uphold upheld|foresee foresaw foreseen|
mislead misled|overthrow overthrew overthrown|rebuild rebuilt|rethink rethought|sue sued|
seek sought|tread trod trodden|slay slew slain|spin spun|split split|spit spat|leap leapt|
dream dreamt|learn learnt|burn burnt|spell spelt|spill spilt|smell smelt|dwell dwelt`.split('|')) {
	const forms = row.trim().split(/\s+/);
	const base = forms[0];
	if (!base) continue;
	for (const f of forms.slice(1)) IRREGULAR_VERBS[f] = base;
}

/** Verbs common in news whose base form ends in -e (so "declared" gives "declare"). */
export const E_VERBS = words(`
declare share compare prepare secure require acquire retire hire fire inspire desire explore
restore ignore score store use cause refuse accuse abuse excuse reduce produce introduce induce
decide provide divide include conclude exclude describe subscribe prescribe combine decline
determine define refine examine imagine outline underline close dispose oppose propose suppose
expose impose compose pose raise praise release increase decrease purchase cease chase lease
please promise realise realize organise organize recognise recognize criticise criticize
apologise apologize emphasise emphasize authorise authorize mobilise mobilize stabilise
stabilize privatise privatize finalise finalize minimise minimize maximise maximize summarise
surprise advise revise devise supervise televise practise license sense rinse collapse lapse
change charge exchange challenge arrange range manage damage encourage engage judge pledge
acknowledge merge emerge urge force reinforce enforce announce pronounce denounce renounce
balance finance advance enhance dance convince evince produce rule schedule tackle handle
struggle settle title resume assume consume presume continue argue pursue rescue issue value
sue queue issue vote note quote promote devote date state create relate rate locate estimate
celebrate negotiate operate generate indicate dictate debate update separate investigate
eliminate escalate regulate calculate demonstrate illustrate concentrate participate anticipate
appreciate translate isolate complete compete delete unite invite cite excite ignite write
dispute compute execute contribute distribute attribute institute substitute constitute
pollute salute confuse fuse diffuse amuse muse loose lose choose approve improve prove move
remove solve involve resolve evolve revolve dissolve believe relieve achieve receive perceive
deceive conceive survive revive arrive drive deprive derive save shave serve observe reserve
preserve deserve curve starve leave give live love behave halve crave waive shape escape
scrape tape type hope cope scope smoke invoke provoke revoke joke poke strike like bake
make take wake phone zone tone stone hone clone dine line mine shine whine fine pine
combine confine refine undermine examine welcome come become overcome name blame frame
aime time chime crime climb
`);

/** Wh-word for an answer kind when it is the subject. */
export const KIND_NOUN: Record<string, string> = {
	person: 'person',
	place: 'place',
	organisation: 'organisation',
	date: 'date',
	number: 'number',
	quantity: 'quantity',
	money: 'amount of money',
	percent: 'percentage',
	role: 'role',
	thing: 'name or phrase',
	statement: 'statement'
};

/**
 * Countries, one a line: canonical name, then aliases, then after ';' the adjectives and demonyms.
 * The canonical name is what the reader reports; aliases are never offered as distractors.
 */
const COUNTRY_ROWS = `United States|US|U.S.|USA|U.S.A.|America|United States of America;American|Americans
United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Britons
England;English
Scotland;Scottish|Scots
Wales;Welsh
Northern Ireland;Northern Irish
Ireland|Republic of Ireland|Irish Republic;Irish
France;French
Germany;German|Germans
Italy;Italian|Italians
Spain;Spanish
Portugal;Portuguese
Netherlands|Holland;Dutch
Belgium;Belgian
Luxembourg
Switzerland;Swiss
Austria;Austrian
Poland;Polish|Poles
Czech Republic|Czechia;Czech
Slovakia;Slovak
Hungary;Hungarian
Romania;Romanian
Bulgaria;Bulgarian
Greece;Greek|Greeks
Turkey|Turkiye;Turkish
Cyprus;Cypriot
Malta;Maltese
Denmark;Danish
Sweden;Swedish
Norway;Norwegian
Finland;Finnish
Iceland;Icelandic
Estonia;Estonian
Latvia;Latvian
Lithuania;Lithuanian
Belarus;Belarusian
Ukraine;Ukrainian|Ukrainians
Russia|Russian Federation;Russian|Russians
Moldova;Moldovan
Georgia;Georgian
Armenia;Armenian
Azerbaijan;Azerbaijani
Serbia;Serbian|Serbs
Croatia;Croatian
Slovenia;Slovenian
Bosnia|Bosnia and Herzegovina;Bosnian
Albania;Albanian
Kosovo;Kosovan
Montenegro
North Macedonia|Macedonia;Macedonian
Canada;Canadian|Canadians
Mexico;Mexican
Brazil;Brazilian
Argentina;Argentine|Argentinian
Chile;Chilean
Peru;Peruvian
Colombia;Colombian
Venezuela;Venezuelan
Cuba;Cuban
Bolivia;Bolivian
Ecuador;Ecuadorian
Uruguay;Uruguayan
Paraguay
Jamaica;Jamaican
Haiti;Haitian
China|People's Republic of China;Chinese
Japan;Japanese
South Korea|Korea;South Korean|Korean
North Korea;North Korean
India;Indian|Indians
Pakistan;Pakistani
Bangladesh;Bangladeshi
Sri Lanka;Sri Lankan
Nepal;Nepalese
Afghanistan;Afghan
Iran;Iranian
Iraq;Iraqi
Syria;Syrian
Lebanon;Lebanese
Israel;Israeli|Israelis
Jordan;Jordanian
Saudi Arabia;Saudi
Yemen;Yemeni
Oman;Omani
Qatar;Qatari
Kuwait;Kuwaiti
Bahrain
United Arab Emirates|UAE;Emirati
Egypt;Egyptian
Libya;Libyan
Tunisia;Tunisian
Algeria;Algerian
Morocco;Moroccan
Sudan;Sudanese
South Sudan
Ethiopia;Ethiopian
Eritrea
Somalia;Somali
Kenya;Kenyan
Uganda;Ugandan
Tanzania;Tanzanian
Rwanda;Rwandan
Nigeria;Nigerian
Ghana;Ghanaian
Senegal;Senegalese
Ivory Coast|Cote d'Ivoire;Ivorian
Cameroon;Cameroonian
Congo|Democratic Republic of Congo|DR Congo;Congolese
Angola;Angolan
Zambia;Zambian
Zimbabwe;Zimbabwean
Mozambique
South Africa;South African
Namibia
Botswana
Australia;Australian|Australians
New Zealand;New Zealander
Indonesia;Indonesian
Malaysia;Malaysian
Singapore;Singaporean
Thailand;Thai
Vietnam;Vietnamese
Philippines;Filipino
Myanmar|Burma;Burmese
Cambodia;Cambodian
Laos
Mongolia;Mongolian
Taiwan;Taiwanese
Kazakhstan;Kazakh
Uzbekistan;Uzbek
Palestine|Palestinian Territories;Palestinian|Palestinians
Fiji;Fijian
Samoa;Samoan
Tonga;Tongan`;

const CITY_LIST = `London Paris Berlin Rome Madrid Lisbon Brussels Amsterdam Vienna Prague Warsaw Budapest
Athens Stockholm Oslo Copenhagen Helsinki Dublin Edinburgh Glasgow Cardiff Belfast Manchester
Liverpool Birmingham Leeds Sheffield Bristol Newcastle Nottingham Leicester Southampton Brighton
Oxford Cambridge York Aberdeen Dundee Swansea Moscow Kyiv Kiev Minsk Istanbul Ankara Geneva Zurich
Milan Turin Naples Barcelona Valencia Seville Munich Frankfurt Hamburg Cologne Lyon Marseille Nice
Monaco Washington Chicago Boston Houston Dallas Miami Atlanta Seattle Denver Detroit Philadelphia
Phoenix Baltimore Toronto Montreal Vancouver Ottawa Sydney Melbourne Brisbane Perth Auckland
Wellington Tokyo Osaka Beijing Shanghai Hong Kong Seoul Pyongyang Delhi Mumbai Kolkata Chennai
Bangalore Karachi Lahore Islamabad Kabul Tehran Baghdad Damascus Beirut Jerusalem Tel Aviv Gaza
Amman Riyadh Dubai Doha Cairo Tripoli Tunis Algiers Nairobi Lagos Abuja Johannesburg Cape Town
Pretoria Harare Addis Ababa Khartoum Jakarta Bangkok Manila Hanoi Singapore Mexico City Havana
Caracas Bogota Lima Santiago Buenos Aires Rio de Janeiro Sao Paulo Brasilia Davos Strasbourg
Belgorod Kharkiv Odesa Odessa Donetsk Luhansk Crimea Mariupol Lviv Hollywood Silicon Valley
New York Los Angeles San Francisco Las Vegas New Orleans Wembley Twickenham Wimbledon
Westminster Downing Street Whitehall Brussels Basra Mosul Fallujah Kandahar Kashmir Darfur
Chechnya Tibet Xinjiang Scandinavia Siberia Bavaria Catalonia Flanders Normandy Ulster Sicily`;

const REGION_LIST = `Europe Asia Africa Antarctica Americas Middle East Far East Latin America North America
South America Central America Caribbean Balkans Baltic Baltics Gulf Atlantic Pacific Mediterranean
Arctic West Bank Gaza Strip Persian Gulf Horn of Africa Sahara Eurozone Western Europe
Eastern Europe Southeast Asia South Asia East Asia Central Asia Oceania Midlands Highlands
Yorkshire Lancashire Kent Essex Surrey Sussex Cornwall Devon Texas California Florida Ohio
Michigan Georgia Virginia Arizona Nevada Oregon Alaska Hawaii Iowa Illinois Massachusetts
Pennsylvania Tennessee Kentucky Louisiana Alabama Mississippi Missouri Minnesota Wisconsin
Colorado Utah Montana Idaho Wyoming Nebraska Kansas Oklahoma Arkansas Indiana Maryland Delaware
Connecticut Vermont Maine Quebec Ontario Alberta Queensland Tasmania Punjab Bengal Kerala`;

/** A city or region name is kept whole even when it has two words ("Hong Kong"). */
export const MULTIWORD_PLACES = new Set<string>();

export interface CountryInfo {
	name: string;
	aliases: string[];
	demonyms: string[];
}
/** Lower-case alias or demonym → canonical country. */
export const COUNTRY_BY_ALIAS = new Map<string, CountryInfo>();
/** Lower-case demonym → canonical country. */
export const DEMONYMS = new Map<string, CountryInfo>();
export const COUNTRIES: CountryInfo[] = [];
for (const line of COUNTRY_ROWS.split('\n')) {
	const [namesPart = '', demPart = ''] = line.split(';');
	const names = namesPart.split('|').filter(Boolean);
	const name = names[0];
	if (!name) continue;
	const info: CountryInfo = { name, aliases: names, demonyms: demPart.split('|').filter(Boolean) };
	COUNTRIES.push(info);
	for (const a of names) COUNTRY_BY_ALIAS.set(a.toLowerCase(), info);
	for (const d of info.demonyms) DEMONYMS.set(d.toLowerCase(), info);
}

export const CITIES = new Set<string>();
for (const list of [CITY_LIST, REGION_LIST]) {
	// Names with two or three words are written joined in the lists below the first pass; detect them
	// from a fixed set so single-word matching still works.
	for (const w of list.split(/\s+/)) if (w) CITIES.add(w.toLowerCase());
}
for (const m of `Hong Kong|Tel Aviv|Cape Town|Addis Ababa|Mexico City|Buenos Aires|Rio de Janeiro|Sao Paulo
|New York|Los Angeles|San Francisco|Las Vegas|New Orleans|Silicon Valley|Downing Street|Middle East
|Far East|Latin America|North America|South America|Central America|West Bank|Gaza Strip|Persian Gulf
|Horn of Africa|Western Europe|Eastern Europe|Southeast Asia|South Asia|East Asia|Central Asia`.split(
	'|'
))
	MULTIWORD_PLACES.add(m.trim().toLowerCase());
for (const w of ['new', 'los', 'san', 'las', 'de', 'of', 'horn', 'strip'])
	if (!CITY_LIST.toLowerCase().split(/\s+/).includes(w)) CITIES.delete(w);
for (const w of ['west', 'east', 'far', 'south', 'north', 'central', 'western', 'eastern', 'bank'])
	CITIES.delete(w);
CITIES.delete('middle');
CITIES.delete('latin');
CITIES.delete('southeast');
CITIES.delete('persian');
CITIES.delete('town');
CITIES.delete('cape');
CITIES.delete('street');
CITIES.delete('downing');
CITIES.delete('valley');
CITIES.delete('silicon');
CITIES.delete('city');
CITIES.delete('georgia');

/** Regions, states and areas larger than a city (lower case); multi-word ones whole. */
export const REGIONS = new Set<string>(
	[
		...REGION_LIST.split(/\s+/).filter((w) => CITIES.has(w.toLowerCase())),
		...[...MULTIWORD_PLACES].filter((m) => REGION_LIST.toLowerCase().includes(m))
	].map((w) => w.toLowerCase())
);

/** Well-known organisations: canonical name and aliases (lower case keys). */
const ORG_ROWS = `United Nations|UN|U.N.
European Union|EU|E.U.
Nato|NATO|North Atlantic Treaty Organization
BBC|British Broadcasting Corporation
International Monetary Fund|IMF
World Trade Organization|WTO
World Health Organization|WHO
World Bank
Federal Reserve|Fed|US Federal Reserve
European Central Bank|ECB
Bank of England
Organization of the Petroleum Exporting Countries|Opec|OPEC
Fifa|FIFA
Uefa|UEFA
International Olympic Committee|IOC
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
European Commission
Labour|Labour Party
Conservatives|Conservative Party|Tories|Tory Party
Liberal Democrats|Lib Dems
Democrats|Democratic Party
Republicans|Republican Party
Microsoft|Apple|Google|Amazon|Sony|Nintendo|Vodafone|Shell|BP|Yahoo|IBM|Intel|Nokia|Samsung|eBay`;
export const ORG_BY_ALIAS = new Map<string, string>();
for (const line of ORG_ROWS.split('\n')) {
	const names = line.split('|');
	// Lines listing several unrelated companies use each as its own name.
	if (names.length > 4) {
		for (const n of names) ORG_BY_ALIAS.set(n.toLowerCase(), n);
		continue;
	}
	const canonical = names[0];
	if (!canonical) continue;
	for (const n of names) ORG_BY_ALIAS.set(n.toLowerCase(), canonical);
}

/** Common first names: a capitalised pair that starts with one is a person. */
export const FIRST_NAMES = words(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven steve paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry
sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan
alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip phil johnny tony
tom tim jim bill bob ben sam dan mike nick chris alex andy matt rob rick ian neil gordon tony
alistair alastair gavin graham nigel colin martin simon hugh jeremy oliver harry charlie jamie
liam owen rhys gareth dai euan ewan fraser hamish angus callum craig darren dean lee ross stuart
wayne rio frank kieron jermaine shaun steven thierry jose arsene rafael roger lleyton andy tiger
vladimir emmanuel volodymyr jared angela boris theresa tony gordon david nicolas francois jacques
silvio romano gerhard helmut tayyip recep xi hu wen shinzo junichiro kofi ban nelson thabo robert
hillary barack condoleezza colin dick karl ken kenneth hamid saddam yasser mahmoud ariel ehud
benjamin shimon tzipi hosni muammar bashar ayman osama abu kim jong mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily
donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly
christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber
marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla judy kate lucy sophie chloe jade jane claire fiona gillian kirsty lorraine nicola
tessa harriet ruth margaret hazel yvette glenda estelle patricia kelly paula natasha britney
madonna beyonce kylie dido lily amy joss jamie keira nicole cate gwyneth julia scarlett renee
charlize halle reese martin quentin steven clint mel russell leonardo johnny brad tom will denzel
jamie kevin bono elton mick keith paul ringo noel liam damon robbie gary ozzy eminem kanye
usher jay snoop pete carl gwen avril norah alicia jennifer christina
`);

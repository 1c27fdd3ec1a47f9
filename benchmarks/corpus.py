"""Deterministic synthetic corpus of press releases for the import and search benchmarks.

`generate_corpus(dir, 10_000)` writes Dutch-like (70 %) and English-like (30 %) releases in
the seed `.txt` format, spread over subdirectories of 1000 files. Text is random but shaped
like the real thing: a Zipf-distributed vocabulary (real words first, then pseudo-words, about
30k distinct in all), paragraphs of 3-6 sentences, the odd section heading, and entity
mentions (people with roles, countries, organizations, Dutch compounds) at roughly the rate of
real government releases, so the index and the entity extractors see a realistic load.

Only the standard library is used; the same seed always yields byte-identical files.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FILES_PER_DIR = 1000
DUTCH_SHARE = 0.7
MIN_WORDS, MAX_WORDS = 300, 1000
YEARS = range(2015, 2026)
DUTCH_VOCAB_SIZE = 21_000
ENGLISH_VOCAB_SIZE = 9_000
ZIPF_EXPONENT = 1.05

# Per-sentence chances of an extra element; tuned so a 600-word release names a dozen or so
# entities, as the Rijksoverheid samples do.
PERSON_RATE = 0.16
COUNTRY_RATE = 0.16
ORGANIZATION_RATE = 0.16
COMPOUND_RATE = 0.2
NUMBER_RATE = 0.08
QUOTE_RATE = 0.05
HEADING_RATE = 0.3


def _words(text: str, separator: str | None = None) -> list[str]:
    """Split an inline word list; the lists are kept as text to stay readable."""
    return [word.strip() for word in text.split(separator) if word.strip()]


# --- Vocabulary: real words ranked roughly by frequency (function words first). -------------

DUTCH_FUNCTION_WORDS = _words("""
de het een en van in is dat op te voor met niet zijn die aan er ook om als door bij maar
over dan nog uit naar wordt worden heeft hebben was waren tot zo al deze dit of kan meer
wel geen moet moeten we wij zij ze hij haar hun ons onze veel zal zullen na onder tussen
tegen sinds omdat want hoe waar wat wie welke alle andere eigen ieder elke binnen buiten
zonder volgens tijdens vanaf per via rond vooral echter daarom dus toch ook nu hier daar
zeer erg heel steeds vaak nooit altijd soms samen verder vandaag morgen gisteren jaar jaren
""")

DUTCH_CONTENT_WORDS = _words("""
kabinet minister ministerie regering overheid land landen wereld europa samenwerking
veiligheid beleid onderzoek rapport besluit afspraken afspraak gesprek gesprekken overleg
maatregelen maatregel steun bijdrage miljoen miljard euro procent plan plannen voorstel
wetsvoorstel wet wetgeving kamer brief debat vergadering conferentie top bijeenkomst partners
bondgenoten organisaties organisatie instellingen burgers inwoners mensen slachtoffers
vluchtelingen asielzoekers migranten grens grenzen bescherming hulp noodhulp financiering
middelen budget begroting uitgaven investeringen economie handel export import bedrijven
ondernemers werkgelegenheid banen ontwikkeling klimaat energie gas stroom elektriciteit
uitstoot emissies doelen doelstellingen afspraken water dijken rivieren zee kust overstroming
droogte gezondheid zorg ziekenhuizen artsen patiënten vaccins vaccinatie virus uitbraak
pandemie ziekte preventie dreiging dreigingsniveau terrorisme extremisme radicalisering
aanslag aanslagen netwerken informatie inlichtingen diensten politie justitie rechter
rechtbank vervolging straf straffen misdaad criminaliteit ondermijning cyberaanval
cyberaanvallen systemen digitale gegevens privacy internet netwerk infrastructuur havens
luchtvaart spoor wegen verkeer vervoer defensie krijgsmacht militairen missie missies
troepen materieel oefening oefeningen inzet vredesmissie operatie operaties conflict oorlog
vrede wapenstilstand onderhandelingen diplomatie ambassade ambassadeur delegatie bezoek
werkbezoek reis lidstaten unie raad commissie parlement fracties partijen verkiezingen
democratie rechtsstaat mensenrechten vrijheid persvrijheid vrouwen kinderen jongeren
onderwijs scholen studenten kennis innovatie technologie wetenschap universiteit toekomst
verleden geschiedenis herdenking monument cultuur erfgoed sport gemeenten provincies regio
stad steden dorp platteland landbouw boeren voedsel voedselzekerheid natuur stikstof
woningen woningbouw huur armoede schulden inkomen belasting belastingen toeslagen pensioen
sancties sanctiepakket embargo exportcontrole grondstoffen chips halfgeleiders leveringen
opvang aanvragen procedure procedures termijn resultaten cijfers gegevens analyse evaluatie
advies adviezen aanbevelingen reactie antwoord vragen uitleg toelichting verklaring
standpunt positie inzet prioriteit prioriteiten aandacht zorgen risico risico's kansen
uitdagingen problemen oplossingen aanpak strategie visie agenda programma project projecten
week maand maanden dag dagen periode moment keer begin einde helft deel groep aantal
nederland nederlandse koninkrijk hoofdstad vertegenwoordiger vertegenwoordigers leiders
staatshoofden regeringsleiders ministers staatssecretaris ambtenaren medewerkers experts
deskundigen wetenschappers vertegenwoordiging secretariaat voorzitter voorzitterschap
lidmaatschap zetel stem stemming resolutie verdrag verdragen akkoord akkoorden protocol
coördinatie coöperatie ideeën financiële economische politieke sociale militaire
humanitaire internationale nationale europese regionale lokale digitale nieuwe grote kleine
belangrijke belangrijkste goede sterke zware ernstige directe snelle duidelijke extra
verschillende meerdere andere eerste tweede derde laatste volgende vorige huidige jonge
oude lange korte hoge lage brede open gezamenlijke publieke private onafhankelijke
structurele tijdelijke blijvende concrete praktische technische juridische strategische
operationele kwetsbare veilige onveilige stabiele instabiele duurzame groene fossiele
hernieuwbare schone zuinige efficiënte slimme centrale landelijke
gaat gaan komt komen staat staan zegt zeggen laat laten maakt maken krijgt krijgen geeft
geven neemt nemen houdt houden vindt vinden zet zetten brengt brengen blijft blijven
werkt werken spreekt spreken praat praten kiest kiezen wil willen kunnen mag mogen
betekent betekenen biedt bieden vraagt vragen steunt steunen versterkt versterken
verbetert verbeteren beschermt beschermen bestrijdt bestrijden voorkomt voorkomen
bespreekt bespreken ontvangt ontvangen bezoekt bezoeken tekent tekenen ondertekent
investeert investeren verhoogt verhogen verlaagt verlagen verlengt verlengen start starten
stopt stoppen opent openen sluit sluiten leidt leiden volgt volgen ziet zien weet weten
denkt denken verwacht verwachten meldt melden stelt stellen benadrukt benadrukken
onderstreept roept oproepen waarschuwt waarschuwen kondigt aankondigen maakte maakten
sprak spraken besloot besloten heeft gekregen gegeven genomen gemaakt gesproken gesteld
gezien gedaan gewerkt gebracht gebleven gevonden gehouden gestart afgesproken ingezet
vastgesteld aangekondigd gepresenteerd gepubliceerd ontvangen bezocht ondertekend
goedgekeurd aangenomen verworpen uitgebreid verlengd versterkt verbeterd beschermd
nauw nauwe snel langzaam direct duidelijk sterk zwaar volledig gedeeltelijk vooral
voornamelijk mede eveneens bovendien daarnaast tevens opnieuw inmiddels intussen
binnenkort eerder later straks jaarlijks wekelijks dagelijks structureel tijdelijk
gezamenlijk onder meer onder andere ongeveer circa bijna ruim minstens hoogstens
café oekraïense belgische jordaanse
aanbod aanleg aanloop aanpassing aanpassingen aansluiting aanspraak aantasting aanvaarding
aanvraag aanwezigheid aardbeving aardgas achtergrond activiteiten actoren adres afbouw
afdeling afhankelijkheid afname afronding afstand afval afweging akker ambitie ambities
ambt analisten antwoorden arbeid arbeidsmarkt archief arrestatie arrestaties artikel
artikelen asiel aspecten autoriteit autoriteiten auto's basis bedreiging bedreigingen
bedrag bedragen bedrijf bedrijfsleven beeld beelden begeleiding begrip behandeling
behoefte behoeften beheer bekendmaking belang belangen beleidsmakers beoordeling bepaling
bepalingen bereik berichten beroep beschikking besluitvorming bestuur bestuurders betaling
betrokkenheid bevoegdheden bevolking bewaking bewijs bewoners bezetting bezuinigingen
bijdragen bijstand binnenland bodem bondgenootschap boodschap bouw bron bronnen burgemeester
capaciteit centrum commandant commandanten consument consumenten context continent controle
controles coronacrisis crisis criteria cursus daders datum deadline deelnemers
deelname defensiebudget demonstratie demonstraties departement detentie dialoog dienst
dienstverlening dijk directeur directie discussie documenten doel doelgroep dossier
dossiers douane drempel druk dreigingsbeeld duurzaamheid effect effecten eenheid eenheden
eiland eilanden eis eisen elementen energietransitie energieprijzen escalatie evenement
expertise fabriek fabrieken fase feiten fonds fondsen functie functies garantie garanties
gebied gebieden gebeurtenis gebruik gedrag gegeven gelegenheid geld gemeente gemeenschap
gemeenschappen generaal gesprekspartners gevaar gevangenen gevangenis gevolg gevolgen
gewicht gezin gezinnen golf grondgebied grondrechten grondwet haven havenbedrijf
herstel herziening hervorming hervormingen hoofd hoofdkantoor hoogte huishoudens huizen
identiteit impact incident incidenten industrie inflatie ingreep inhoud initiatief
initiatieven inkoop inschatting inspanning inspanningen inspectie instantie instanties
instrumenten integratie interventie invloed invoering jaarverslag journalisten jurist
kaart kader kaders kamerbrief kandidaat kandidaten kans kantoor kapitaal karakter kennisgeving
kern kerncentrale kernenergie kiezers klachten klanten koers kosten kracht krachten kwaliteit
kwestie kwesties kust leger leiding leerlingen leven levering lid leden lijst locatie
locaties loon lucht luchthaven luchtmacht maatschappij macht marine markt markten
medewerking meerderheid melding meldingen mening middel milieu minderheid ministerraad
misbruik mogelijkheid mogelijkheden monitoring motie moties naleving nadruk natie naties
nieuws niveau noodzaak norm normen nota ondersteuning ondertekening onderdeel onderdelen
onderwerp onderwerpen ontwerp ontwikkelingen oorzaak oorzaken opbouw opdracht opdrachten
openbaarheid opleiding opleidingen oproep opsporing opvolging organisatoren oordeel
overeenkomst overeenkomsten overgang overheden overwinning partij partner partnerschap
personeel personen plaats plaatsen plicht politici politiek positie premie president
prijs prijzen principe principes proces processen productie professionals provincie
publicatie raming rapporten recht rechten rechters regel regels regelgeving regeling
regelingen regio's reizen relatie relaties reserves respect richtlijn richtlijnen rol
ruimte schade schatting scheepvaart schepen schip sector sectoren signaal signalen situatie
sleutel soldaten spanning spanningen special spelers stabiliteit staten steunpakket
stichting stoffen straat stroomnet structuur studie subsidie subsidies systeem taak
taken tekort tekorten telefoon tempo tentoonstelling terrein tijd titel toegang toename
toepassing toestand toezicht toezichthouder tool transitie transport trend uitbreiding
uitkomst uitspraak uitvoering uitwisseling vakbonden veiligheidssituatie verandering
veranderingen verantwoordelijkheid verbetering verbinding verbod verdediging vereniging
vergunning vergunningen verhouding verhoudingen verkenning verlenging verlies
verliezen vermogen verplichting verplichtingen versterking vertrouwen vervolg verzoek
voertuigen voorbereiding voorbeeld voorbeelden voorwaarde voorwaarden voorziening
voorzieningen vraag vrijwilligers waarde waarden waarschuwing wapen wapens weg werk
werkgevers werknemers werkgroep wijk wijze winter zomer zaak zaken zekerheid zicht zone
aanvullende actieve afgelopen algemene alternatieve beperkte beschikbare betere betrokken
bijzondere binnenlandse bredere buitenlandse civiele commerciële complexe cruciale
democratische diverse dringende eenvoudige effectieve eigen eerlijke enorme essentiële
europese extreme feitelijke formele fysieke geldige gewelddadige gewone gezonde grootste
haalbare heldere hogere illegale intensieve interne jaarlijkse juiste kritieke kritische
laagste langdurige lastige legale lichte logische maatschappelijke maximale medische
minimale mogelijke moeilijke moderne morele mondiale nadere nauwkeurige nieuwste normale
noodzakelijke officiële omvangrijke ondernemende openbare opvallende passende permanente
persoonlijke positieve preventieve professionele rechtstreekse redelijke reguliere relevante
serieuze specifieke speciale stevige strenge succesvolle toekomstige totale traditionele
transparante uitgebreide unieke urgente vaste verantwoordelijke verplichte vertrouwelijke
vitale vrije wederzijdse wereldwijde wettelijke zichtbare zorgvuldige zwakke
aanbieden aanpakken aanpassen aansluiten aantonen afbouwen afnemen afronden afsluiten
afwachten beantwoorden bedreigen beginnen behandelen beheren behouden bekijken belemmeren
bepalen bereiken beschikken beslissen besteden bestuderen betalen betrekken beveiligen
bevorderen bewaken bewegen bezitten bijdragen controleren delen doorgaan doorvoeren
dragen erkennen evalueren faciliteren financieren garanderen gebruiken handhaven helpen
herstellen inrichten instellen integreren invoeren inzetten kopen leveren lossen melden
monitoren nakomen naleven onderhouden onderscheiden onderschrijven onderzoeken ontdekken
ontwikkelen opbouwen opleiden opnemen opstellen optreden organiseren overdragen overwegen
plaatsvinden presenteren publiceren realiseren reageren regelen registreren reizen
richten samenwerken signaleren sluiten sparen stimuleren toepassen toetsen uitbreiden
uitvoeren uitwisselen vaststellen verbieden verdedigen verdelen vergroten verhuizen
verkennen verkopen verminderen vernieuwen verplichten verschuiven verspreiden verstrekken
vertalen vertegenwoordigen vervangen vervolgen verzamelen voeren voldoen voorbereiden
voorstellen waarborgen wijzigen winnen zorgen
aangeboden aangepakt aangepast aangetoond afgerond afgesloten behandeld bepaald bereikt
besproken besteed betaald betrokken bevestigd bewezen gecontroleerd gedeeld gefinancierd
gehandhaafd geholpen geïnformeerd geïnvesteerd geleverd gemeld georganiseerd geregeld
geregistreerd gesloten gestegen gestopt getekend gevolgd gewijzigd gewaarschuwd ingevoerd
ingediend onderzocht ontwikkeld opgericht opgesteld opgenomen overgedragen uitgevoerd
uitgewisseld verbeterd verdeeld vergroot verlaagd verminderd verplicht verstrekt
vervangen verzameld voorbereid voorgesteld
bijvoorbeeld overigens namelijk zelfs alleen slechts reeds weer eens juist vrijwel
nauwelijks grotendeels volop terug vooraf achteraf enerzijds anderzijds tenslotte
uiteindelijk uiteraard wellicht waarschijnlijk mogelijk zeker vanzelfsprekend
""")

ENGLISH_FUNCTION_WORDS = _words("""
the of and to in a is that for on with as by it be are was this at from has have
not an will or which its their they we our but been were also more than can said would
into new about after over all other there who one two first these between against under
during while such through since before most may should must both only any each many
today yesterday week year years now here there very still often again already however
""")

ENGLISH_CONTENT_WORDS = _words("""
government minister ministry cabinet country countries world europe cooperation security
policy research report decision agreement agreements talks meeting conference summit
partners allies organisations organisation institutions citizens people victims refugees
migrants border borders protection aid assistance funding resources budget spending
investment investments economy trade exports imports companies businesses jobs
development climate energy gas electricity power emissions targets goals water dikes
rivers sea coast flooding drought health care hospitals doctors patients vaccines
vaccination virus outbreak pandemic disease prevention threat threats terrorism
extremism radicalisation attack attacks networks information intelligence services police
justice court courts prosecution sanctions package embargo crime cyber systems digital
data privacy internet infrastructure ports aviation rail roads transport defence armed
forces troops mission missions equipment exercise exercises deployment operation
operations conflict war peace ceasefire negotiations diplomacy embassy ambassador
delegation visit member states union council commission parliament parties elections
democracy rule law human rights freedom women children young education schools students
knowledge innovation technology science university future history remembrance culture
heritage municipalities provinces region regions city cities agriculture farmers food
nature housing poverty debt income taxes pension minerals chips semiconductors supplies
reception applications procedure results figures analysis evaluation advice
recommendations response answer questions statement position commitment priority
priorities attention concerns risk risks opportunities challenges problems solutions
approach strategy vision agenda programme project projects month months day days period
moment time start end part group number netherlands kingdom capital representative
representatives leaders heads ministers officials staff experts scientists secretariat
chair presidency membership seat vote resolution treaty treaties accord protocol
financial economic political social military humanitarian international national european
regional local public private independent structural temporary lasting concrete
practical technical legal strategic operational vulnerable safe unsafe stable unstable
sustainable green fossil renewable clean efficient central important major key strong
serious direct rapid clear additional several various further second third last next
previous current long short high low broad open joint
goes go comes come stands says say lets makes make gets get gives give takes take holds
hold finds find puts put brings bring remains remain works work speaks speak chooses
wants want can could supports support strengthens strengthen improves improve protects
protect counters counter prevents prevent discusses discuss receives receive visits
signs sign invests invest raises raise lowers lower extends extend starts opens closes
leads lead follows follow sees see knows know thinks think expects expect reports
stresses stress underlines calls warns warn announces announce announced made spoke
decided received given taken presented published visited signed approved adopted
rejected expanded extended strengthened improved protected agreed launched deployed
closely quickly slowly directly clearly strongly fully partly mainly particularly also
moreover furthermore additionally meanwhile soon earlier later annually weekly daily
together approximately nearly almost around least
access account action actions activities actors address administration agency agencies
aim aims alliance ambition analysts annex application arrangement arrests article aspects
assessment authority authorities awareness background balance basis behaviour benefit
benefits bill board body boundaries briefing budget building burden business campaign
candidate candidates capacity capital case cases centre chain chairman chamber change
changes charge choice circumstances civilians claim claims coalition command commander
commitments committee communities community compliance conditions conduct confidence
consequences consultation consumers content context control costs crisis criteria
damage deadline deal debate decade decisions defence delegates demand demands department
deputy detention dialogue director discussion documents domestic draft duty effect
effects effort efforts election element emergency employers employment engagement
environment escalation estimate event events evidence expansion expectations expertise
facilities factory fact facts families family field forces framework fund funds gap
generation goal grants ground growth guidance guidelines harbour hearing households
identity impact implementation incident incidents increase industry inflation influence
initiative initiatives inspection institution instruments integration interest
interests interior investigation island islands issue issues jobs journalists judges
leadership legislation level levels license list location majority management market
markets measure measures media member members message method minority mobility
monitoring motion movement nation nations navy need needs network news norms notice
objective objectives obligations office officers opinion order organisers outcome
overview participants participation partnership payment people personnel phase place
plans platform players pledge point police population ports possibility power powers
practice preparation presence pressure prices principle principles prison process
processes production professionals progress proposal proposals prosecutor protest
provisions purpose quality question range rate reform reforms regulation regulations
relations relationship reliance request requirements reserves resilience resource
response responsibility restrictions review role route rules safety scale scheme season
sector sectors service settlement share shipping ships signal situation soldiers source
space spokesperson stability staff stage stakeholders standard standards station status
step steps stock storage structure study subsidies success summer supply system systems
task tasks team tension tensions territory test text tools total trade training transfer
transition trend trust unit units use value values vehicles victory violence volunteers
vote warning weapons winter work workers working
active additional alternative annual available basic better broader civil commercial
common complex critical crucial democratic different difficult domestic effective
enormous essential extensive external fair final foreign formal former free full global
growing healthy illegal immediate independent intensive internal joint large legal
limited major maximum medical minimum modern necessary normal official ongoing overall
permanent personal positive potential present preventive professional recent relevant
reliable responsible serious significant similar special specific strict successful
sufficient total traditional transparent urgent useful valid violent vital wide
worldwide
accept achieve adapt address adopt allow apply assess assist attend avoid build carry
check collect combine complete confirm consider contribute control coordinate cover
create deal defend deliver deploy describe design detect develop discuss ensure
establish evaluate examine exchange expand explain facilitate finance focus help
identify implement include increase inform introduce investigate involve join maintain
manage meet monitor need offer organise participate pay plan prepare present produce
promote propose provide publish reach reduce register replace request require respond
restore review secure share sign stimulate submit train transfer travel understand
address addressed achieved adopted applied assessed built checked collected completed
confirmed considered contributed coordinated created delivered designed detected
developed discussed ensured established evaluated examined expanded explained focused
helped identified implemented included increased informed introduced investigated
involved joined maintained managed monitored offered organised paid planned prepared
produced promoted proposed provided reached reduced registered replaced requested
required responded restored reviewed secured shared submitted trained transferred
for instance namely even just merely again once precisely virtually hardly largely
fully back beforehand afterwards finally ultimately obviously perhaps probably possibly
certainly naturally
""")

# Syllable parts for pseudo-words: enough combinations for ~30k distinct, spelled like the
# language so tokenisers and stemmers see plausible input.
DUTCH_ONSETS = _words(
    "b d f g h j k l m n p r s t v w z br dr gr kr pr tr st sl sn sp schr sch str ge be ver"
)
DUTCH_NUCLEI = _words("a e i o u aa ee oo uu ie oe ei ij ui au ou eu")
DUTCH_CODAS = ["", "", "n", "r", "l", "s", "t", "k", "m", "ng", "nd", "rt", "cht", "st", "ns"]
ENGLISH_ONSETS = _words("b c d f g h l m n p r s t v w br cr dr fl gr pl pr sh st th tr")
ENGLISH_NUCLEI = _words("a e i o u ea ee oo ai ou io")
ENGLISH_CODAS = ["", "", "n", "r", "l", "s", "t", "ck", "m", "nd", "nt", "st", "ng", "ght"]

# --- Entities ---------------------------------------------------------------------------------

DUTCH_MINISTRIES = [
    "Defensie",
    "Buitenlandse Zaken",
    "Justitie en Veiligheid",
    "Economische Zaken en Klimaat",
    "Volksgezondheid, Welzijn en Sport",
    "Infrastructuur en Waterstaat",
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Financiën",
    "Landbouw, Natuur en Voedselkwaliteit",
    "Onderwijs, Cultuur en Wetenschap",
]
ENGLISH_MINISTRIES = [
    "Defence",
    "Foreign Affairs",
    "Justice and Security",
    "Economic Affairs and Climate Policy",
    "Health, Welfare and Sport",
    "Infrastructure and Water Management",
    "the Interior and Kingdom Relations",
    "Finance",
    "Agriculture, Nature and Food Quality",
    "Education, Culture and Science",
]
# Surnames with a tussenvoegsel keep their space, so this list is split on "|".
DUTCH_SURNAMES = _words(
    """Jansen|De Vries|Van den Berg|Bakker|Visser|Smit|Meijer|De Boer|Mulder|De Groot|
    Bos|Vos|Peters|Hendriks|Van Leeuwen|Dekker|Brouwer|De Wit|Dijkstra|Smits|De Graaf|
    Van der Meer|Van der Linden|Kok|Jacobs|De Haan|Vermeulen|Van den Heuvel|Van der Veen|
    Van Dijk|Schouten|Hoekstra|Koster|Prins|Huisman|Willems|Kuipers|Van Vliet|Post|Blom|
    Veenstra|Timmermans""",
    "|",
)
DUTCH_FIRST_NAMES = _words("""
Anna Maria Sanne Lotte Femke Eva Ingrid Marieke Ellen Karin Jeroen Pieter
Mark Sander Bas Thijs Ruben Hans Wouter Joost Khadija Samira Mehmet Yusuf Fleur Ilse""")
FOREIGN_PEOPLE = [
    ("Jens Stoltenberg", "secretaris-generaal", "Secretary General"),
    ("António Guterres", "secretaris-generaal", "Secretary-General"),
    ("Ursula von der Leyen", "voorzitter", "President"),
    ("Emmanuel Macron", "president", "President"),
    ("Olaf Scholz", "bondskanselier", "Chancellor"),
    ("Volodymyr Zelensky", "president", "President"),
    ("Joe Biden", "president", "President"),
    ("Charles Michel", "voorzitter", "President"),
    ("Tedros Adhanom Ghebreyesus", "directeur-generaal", "Director-General"),
    ("Kristalina Georgieva", "directeur", "Managing Director"),
]
DUTCH_LEADERS = ["Rutte", "Kaag", "Hoekstra", "Bijleveld", "Blok", "Grapperhaus", "De Jonge"]

# (ISO code, Dutch name, Dutch adjective, English name, English adjective)
COUNTRIES = [
    ("US", "de Verenigde Staten", "Amerikaanse", "the United States", "American"),
    ("GB", "het Verenigd Koninkrijk", "Britse", "the United Kingdom", "British"),
    ("DE", "Duitsland", "Duitse", "Germany", "German"),
    ("FR", "Frankrijk", "Franse", "France", "French"),
    ("BE", "België", "Belgische", "Belgium", "Belgian"),
    ("UA", "Oekraïne", "Oekraïense", "Ukraine", "Ukrainian"),
    ("RU", "Rusland", "Russische", "Russia", "Russian"),
    ("ML", "Mali", "Malinese", "Mali", "Malian"),
    ("NE", "Niger", "Nigerese", "Niger", "Nigerien"),
    ("NG", "Nigeria", "Nigeriaanse", "Nigeria", "Nigerian"),
    ("JO", "Jordanië", "Jordaanse", "Jordan", "Jordanian"),
    ("TR", "Turkije", "Turkse", "Turkey", "Turkish"),
    ("GE", "Georgië", "Georgische", "Georgia", "Georgian"),
    ("CN", "China", "Chinese", "China", "Chinese"),
    ("PL", "Polen", "Poolse", "Poland", "Polish"),
    ("ES", "Spanje", "Spaanse", "Spain", "Spanish"),
    ("IT", "Italië", "Italiaanse", "Italy", "Italian"),
    ("SY", "Syrië", "Syrische", "Syria", "Syrian"),
    ("IQ", "Irak", "Iraakse", "Iraq", "Iraqi"),
    ("AF", "Afghanistan", "Afghaanse", "Afghanistan", "Afghan"),
    ("MA", "Marokko", "Marokkaanse", "Morocco", "Moroccan"),
    ("ID", "Indonesië", "Indonesische", "Indonesia", "Indonesian"),
    ("SR", "Suriname", "Surinaamse", "Suriname", "Surinamese"),
    ("NO", "Noorwegen", "Noorse", "Norway", "Norwegian"),
    ("KE", "Kenia", "Keniaanse", "Kenya", "Kenyan"),
]
COUNTRY_SHORT_FORMS = {
    "nl": ["de VS", "het VK", "de Oekraïne"],
    "en": ["the US", "the UK", "the USA"],
}

# (Dutch name, English name, "Dutch|English" acronym); an empty acronym: the name is the usual form.
ORGANIZATIONS = [
    ("Noord-Atlantische Verdragsorganisatie", "North Atlantic Treaty Organization", "NAVO|NATO"),
    ("Verenigde Naties", "United Nations", "VN|UN"),
    ("Europese Unie", "European Union", "EU|EU"),
    ("Wereldgezondheidsorganisatie", "World Health Organization", "WHO|WHO"),
    (
        "Organisatie voor Veiligheid en Samenwerking in Europa",
        "Organization for Security and Co-operation in Europe",
        "OVSE|OSCE",
    ),
    (
        "Algemene Inlichtingen- en Veiligheidsdienst",
        "General Intelligence and Security Service",
        "AIVD|AIVD",
    ),
    (
        "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
        "National Coordinator for Security and Counterterrorism",
        "NCTV|NCTV",
    ),
    ("Nationaal Cyber Security Centrum", "National Cyber Security Centre", "NCSC|NCSC"),
    (
        "Militaire Inlichtingen- en Veiligheidsdienst",
        "Defence Intelligence and Security Service",
        "MIVD|MIVD",
    ),
    ("Internationaal Monetair Fonds", "International Monetary Fund", "IMF|IMF"),
    ("Wereldbank", "World Bank", "|"),
    ("Europese Commissie", "European Commission", "|"),
    ("Tweede Kamer", "House of Representatives", "|"),
    ("Rode Kruis", "Red Cross", "|"),
    ("Rijkswaterstaat", "Rijkswaterstaat", "|"),
    (
        "Rijksinstituut voor Volksgezondheid en Milieu",
        "National Institute for Public Health and the Environment",
        "RIVM|RIVM",
    ),
    ("Europol", "Europol", "|"),
    ("Interpol", "Interpol", "|"),
    ("Internationaal Strafhof", "International Criminal Court", "ICC|ICC"),
    ("Wereldhandelsorganisatie", "World Trade Organization", "WTO|WTO"),
    ("Islamitische Staat", "Islamic State", "ISIS|ISIS"),
    ("Al Qaeda", "Al Qaeda", "|"),
    ("Boko Haram", "Boko Haram", "|"),
]

COMPOUND_HEADS = _words("""terrorisme veiligheids klimaat energie sanctie gas water gezondheids
vaccinatie migratie asiel cyber defensie vredes handels export grens crisis
inlichtingen""")
COMPOUND_TAILS = _words("""bestrijding beleid akkoord pakket opslag plan raad maatregelen
strategie dienst missie overleg wet centrum netwerk programma agenda""")
COMPOUND_PREFIXES = ["VN", "EU", "NAVO", "OVSE", "WHO"]
COMPOUND_PREFIX_TAILS = _words("""missie militairen lidstaten top verdrag resolutie gezant
ministers waarnemers afspraken""")

DUTCH_QUOTE_VERBS = ["aldus", "zegt", "stelt", "benadrukt"]
ENGLISH_QUOTE_VERBS = ["said", "says", "stressed", "added"]


@dataclass(frozen=True)
class _Language:
    """Everything the writer needs for one language, built once per seed."""

    code: str
    words: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)


def _pseudo_words(
    rng: random.Random,
    count: int,
    avoid: set[str],
    parts: tuple[Sequence[str], Sequence[str], Sequence[str]],
) -> list[str]:
    onsets, nuclei, codas = parts
    made: list[str] = []
    seen = set(avoid)
    while len(made) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        word = "".join(
            rng.choice(onsets) + rng.choice(nuclei) + rng.choice(codas) for _ in range(syllables)
        )
        if word not in seen:
            seen.add(word)
            made.append(word)
    return made


@cache
def _languages(seed: int) -> dict[str, _Language]:
    rng = random.Random(f"vocabulary-{seed}")
    languages = {}
    for code, function_words, content_words, size, parts in (
        (
            "nl",
            DUTCH_FUNCTION_WORDS,
            DUTCH_CONTENT_WORDS,
            DUTCH_VOCAB_SIZE,
            (DUTCH_ONSETS, DUTCH_NUCLEI, DUTCH_CODAS),
        ),
        (
            "en",
            ENGLISH_FUNCTION_WORDS,
            ENGLISH_CONTENT_WORDS,
            ENGLISH_VOCAB_SIZE,
            (ENGLISH_ONSETS, ENGLISH_NUCLEI, ENGLISH_CODAS),
        ),
    ):
        real = list(dict.fromkeys(function_words))
        content = [w for w in dict.fromkeys(content_words) if w not in set(real)]
        rng.shuffle(content)  # content words share the middle ranks, in no telling order
        real += content
        words = real + _pseudo_words(rng, size - len(real), set(real), parts)
        weights = [1.0 / (rank**ZIPF_EXPONENT) for rank in range(1, len(words) + 1)]
        languages[code] = _Language(code, tuple(words), tuple(itertools.accumulate(weights)))
    return languages


# --- Entity phrases ---------------------------------------------------------------------------


def _person(rng: random.Random, lang: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        name, nl_role, en_role = rng.choice(FOREIGN_PEOPLE)
        return f"{nl_role} {name}" if lang == "nl" else f"{en_role} {name}"
    surname = rng.choice(DUTCH_LEADERS) if roll < 0.45 else rng.choice(DUTCH_SURNAMES)
    if rng.random() < 0.3:
        surname = f"{rng.choice(DUTCH_FIRST_NAMES)} {surname}"
    index = rng.randrange(len(DUTCH_MINISTRIES))
    kind = rng.random()
    if lang == "nl":
        if kind < 0.55:
            return f"minister {surname} van {DUTCH_MINISTRIES[index]}"
        if kind < 0.7:
            return f"premier {surname}"
        if kind < 0.85:
            return f"staatssecretaris {surname}"
        return surname
    if kind < 0.55:
        return f"Minister {surname} of {ENGLISH_MINISTRIES[index]}"
    if kind < 0.7:
        return f"Prime Minister {surname}"
    if kind < 0.85:
        return f"State Secretary {surname}"
    return surname


def _country(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.1:
        return rng.choice(COUNTRY_SHORT_FORMS[lang])
    _, nl_name, nl_adjective, en_name, en_adjective = rng.choice(COUNTRIES)
    adjective_form = rng.random() < 0.4
    if lang == "nl":
        if adjective_form:
            return f"de {nl_adjective} {rng.choice(('regering', 'minister', 'autoriteiten'))}"
        return nl_name
    if adjective_form:
        return f"the {en_adjective} {rng.choice(('government', 'minister', 'authorities'))}"
    return en_name


def _organization(rng: random.Random, lang: str) -> str:
    nl_name, en_name, acronyms = rng.choice(ORGANIZATIONS)
    nl_acronym, en_acronym = acronyms.split("|")
    acronym = nl_acronym if lang == "nl" else en_acronym
    name = nl_name if lang == "nl" else en_name
    roll = rng.random()
    if acronym and roll < 0.5:
        return acronym
    if acronym and roll < 0.6:
        return f"{name} ({acronym})"
    article = {"nl": "de", "en": "the"}[lang]
    return name if name[0].isupper() and rng.random() < 0.5 else f"{article} {name}"


def _compound(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{rng.choice(COMPOUND_PREFIXES)}-{rng.choice(COMPOUND_PREFIX_TAILS)}"
    return rng.choice(COMPOUND_HEADS) + rng.choice(COMPOUND_TAILS)


# --- Documents --------------------------------------------------------------------------------


def _sentence(rng: random.Random, language: _Language, length: int) -> list[str]:
    """A sentence of exactly `length` words (an inserted phrase counts by its words)."""
    lang = language.code
    extras: list[str] = []
    for rate, make in (
        (PERSON_RATE, _person),
        (COUNTRY_RATE, _country),
        (ORGANIZATION_RATE, _organization),
    ):
        if rng.random() < rate:
            extras.append(make(rng, lang))
    if lang == "nl" and rng.random() < COMPOUND_RATE:
        extras.append(_compound(rng))
    if rng.random() < NUMBER_RATE:
        extras.append(str(rng.choice((2, 3, 5, 10, 12, 20, 30, 40, 100, 250, 1500))))
    phrases: list[list[str]] = []
    budget = length
    for extra in extras:
        words = extra.split()
        if len(words) < budget:
            phrases.append(words)
            budget -= len(words)
    tokens: list[list[str]] = [[word] for word in language.sample(rng, budget)]
    for phrase in phrases:
        tokens.insert(rng.randrange(1, len(tokens) + 1), phrase)
    if rng.random() < 0.12 and len(tokens) > 4:
        # A comma after a single word, never inside a name.
        comma_at = rng.randrange(1, len(tokens) - 1)
        if len(tokens[comma_at]) == 1:
            tokens[comma_at] = [tokens[comma_at][0] + ","]
    words = [word for token in tokens for word in token]
    words[0] = words[0][:1].upper() + words[0][1:]
    words[-1] += "."
    return words


def _quote(rng: random.Random, language: _Language, length: int) -> list[str]:
    """A quoted statement with attribution, in the typographic quotes the seeds use."""
    speaker = _person(rng, language.code).split()
    verb = rng.choice(DUTCH_QUOTE_VERBS if language.code == "nl" else ENGLISH_QUOTE_VERBS)
    inner = _sentence(rng, language, max(3, length - len(speaker) - 1))
    inner[0] = "‘" + inner[0]
    inner[-1] = inner[-1][:-1] + ",’"
    speaker[-1] += "."
    return [*inner, verb, *speaker]


def _title(rng: random.Random, language: _Language) -> str:
    words = language.sample(rng, rng.randint(3, 7))
    if rng.random() < 0.5:
        maker = rng.choice((_country, _organization))
        words.insert(rng.randrange(len(words) + 1), maker(rng, language.code))
    elif language.code == "nl" and rng.random() < 0.5:
        words.append(_compound(rng))
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def _heading(rng: random.Random, language: _Language) -> str:
    words = language.sample(rng, rng.randint(1, 4))
    if language.code == "nl" and rng.random() < 0.3:
        words = [_compound(rng)]
    heading = " ".join(words)
    return heading[:1].upper() + heading[1:]


def _document(rng: random.Random, language: _Language) -> tuple[str, str]:
    """Return (file stem, text) for one release."""
    year, month = rng.choice(YEARS), rng.randint(1, 12)
    title = _title(rng, language)
    header = f" date {year}-{month:02d} {title}"
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    total = len(header.split())
    blocks: list[str] = []
    while total < target:
        if blocks and rng.random() < HEADING_RATE and target - total > 40:
            heading = _heading(rng, language)
            blocks.append(heading)
            total += len(heading.split())
        sentences: list[str] = []
        for _ in range(rng.randint(3, 6)):
            remaining = target - total
            if remaining <= 0:
                break
            length = min(remaining, max(4, int(rng.gauss(16, 6))))
            make = _quote if length >= 10 and rng.random() < QUOTE_RATE else _sentence
            words = make(rng, language, length)
            sentences.append(" ".join(words))
            total += len(words)
        blocks.append(" ".join(sentences))
    stem = f"{year}-{month:02d}-{_slug(title)}"
    return stem, header + "\n\n" + "\n\n".join(blocks) + "\n"


def _slug(title: str, limit: int = 40) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:limit].rstrip("-") or "release"


def generate_corpus(target_dir: Path, count: int, *, seed: int = 42) -> list[Path]:
    """Write `count` synthetic releases under `target_dir` and return their paths in order.

    Files go to numbered subdirectories of FILES_PER_DIR each, named `YYYY-MM-slug-NNNNNN.txt`
    (the running number keeps names unique). Document i depends only on (seed, i), so a larger
    corpus extends a smaller one with the same seed.
    """
    languages = _languages(seed)
    paths: list[Path] = []
    for index in range(count):
        rng = random.Random(f"{seed}-{index}")
        language = languages["nl" if rng.random() < DUTCH_SHARE else "en"]
        stem, text = _document(rng, language)
        folder = target_dir / f"{index // FILES_PER_DIR:03d}"
        if index % FILES_PER_DIR == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{stem}-{index:06d}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description="Write a deterministic synthetic corpus of press releases.",
    )
    parser.add_argument("directory", type=Path, help="where to write (created if missing)")
    parser.add_argument("--count", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")
    paths = generate_corpus(args.directory, args.count, seed=args.seed)
    print(f"wrote {len(paths)} documents to {args.directory}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

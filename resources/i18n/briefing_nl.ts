<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>BookmarkEditor</name>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="45"/>
        <source>Bookmark note and tags</source>
        <translation>Notitie en tags bij de bladwijzer</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="58"/>
        <source>Close (Esc); your changes are saved</source>
        <translation>Sluiten (Esc); uw wijzigingen worden bewaard</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="59"/>
        <source>Close the bookmark editor</source>
        <translation>De bladwijzereditor sluiten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="63"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="64"/>
        <source>Note (Markdown)…</source>
        <translation>Notitie (Markdown)…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="68"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmark_editor.py" line="69"/>
        <source>Tags, separated by commas</source>
        <translation>Tags, gescheiden door komma’s</translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="136"/>
        <source>moved</source>
        <translation>verplaatst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="140"/>
        <source>approximate: “%1” → “%2”</source>
        <translation>bij benadering: “%1” → “%2”</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="145"/>
        <source>orphaned: the passage is gone; select new text to re-attach</source>
        <translation>losgeraakt: de passage bestaat niet meer; selecteer nieuwe tekst om opnieuw te koppelen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="146"/>
        <source>anchored</source>
        <translation>verankerd</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="164"/>
        <source>Was: %1</source>
        <translation>Was: %1</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="266"/>
        <source>Filter bookmarks</source>
        <translation>Bladwijzers filteren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="267"/>
        <source>Filter quotes, notes and tags</source>
        <translation>Filteren op citaten, notities en tags</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="271"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="274"/>
        <source>Mentions</source>
        <translation>Vermeldingen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="276"/>
        <source>Mentions…</source>
        <translation>Vermeldingen…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="277"/>
        <source>This document only</source>
        <translation>Alleen dit document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="283"/>
        <source>Bookmarks</source>
        <translation>Bladwijzers</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="386"/>
        <source>All tags</source>
        <translation>Alle tags</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="440"/>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="441"/>
        <source>&amp;Edit note…</source>
        <translation>Notitie &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="443"/>
        <source>&amp;Re-attach to selection</source>
        <translation>Opnieuw &amp;koppelen aan selectie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="445"/>
        <source>Point this bookmark at the text selected in the reader</source>
        <translation>Deze bladwijzer laten verwijzen naar de tekst die in de lezer is geselecteerd</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="308"/>
        <location filename="../../briefing_app/ui/bookmarks_panel.py" line="447"/>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="88"/>
        <source>Filter {label}</source>
        <translation>Filter {label}</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="97"/>
        <location filename="../../briefing_app/ui/filter_bar.py" line="98"/>
        <source>Remove filter {label}</source>
        <translation>Filter {label} verwijderen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="109"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="110"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="111"/>
        <source>Organization</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="112"/>
        <source>Date range</source>
        <translation>Periode</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="19"/>
        <source>&apos;%1&apos; is not a date: use YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>&apos;%1&apos; is geen datum: gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="25"/>
        <source>A fuzzy word allows one or two edits: word~ or word~2.</source>
        <translation>Een vaag woord staat één of twee wijzigingen toe: woord~ of woord~2.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="31"/>
        <source>An AND, OR or NOT needs a word on each side.</source>
        <translation>Een AND, OR of NOT heeft aan beide kanten een woord nodig.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="37"/>
        <source>Could not understand the query: %1</source>
        <translation>De zoekvraag is niet te begrijpen: %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="41"/>
        <source>A phrase is not closed: add the missing &quot; quote.</source>
        <translation>Een woordgroep is niet afgesloten: voeg het ontbrekende aanhalingsteken (&quot;) toe.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="47"/>
        <source>A &apos;)&apos; has no matching &apos;(&apos;.</source>
        <translation>Bij een &apos;)&apos; hoort geen &apos;(&apos;.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="51"/>
        <source>A &apos;(&apos; is not closed: add the missing &apos;)&apos;.</source>
        <translation>Een &apos;(&apos; is niet gesloten: voeg de ontbrekende &apos;)&apos; toe.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="58"/>
        <source>not a regular file</source>
        <translation>geen gewoon bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="62"/>
        <source>unsupported file type %1</source>
        <translation>niet-ondersteund bestandstype %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="64"/>
        <source>empty file</source>
        <translation>leeg bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="67"/>
        <source>larger than %1 (%2)</source>
        <translation>groter dan %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="69"/>
        <source>no text</source>
        <translation>geen tekst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="72"/>
        <source>permission denied</source>
        <translation>geen toegang</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="76"/>
        <source>file not found</source>
        <translation>bestand niet gevonden</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="80"/>
        <source>cannot be read: %1</source>
        <translation>kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="84"/>
        <source>binary file, not text</source>
        <translation>binair bestand, geen tekst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="88"/>
        <source>cannot be decoded as text</source>
        <translation>niet als tekst te lezen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="92"/>
        <source>damaged Word file</source>
        <translation>beschadigd Word-bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="96"/>
        <source>damaged Word file (not a zip package)</source>
        <translation>beschadigd Word-bestand (geen zip-pakket)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="100"/>
        <source>Word file unpacks to more than %1 MB</source>
        <translation>Word-bestand is uitgepakt groter dan %1 MB</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="104"/>
        <source>damaged e-mail message</source>
        <translation>beschadigd e-mailbericht</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="108"/>
        <source>not an e-mail message</source>
        <translation>geen e-mailbericht</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="112"/>
        <source>not an e-mail message (no From, To, Subject or Date)</source>
        <translation>geen e-mailbericht (geen From, To, Subject of Date)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="118"/>
        <source>e-mail body is not text</source>
        <translation>de inhoud van de e-mail is geen tekst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="122"/>
        <source>damaged HTML</source>
        <translation>beschadigde HTML</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="126"/>
        <source>no article text found in the page</source>
        <translation>geen artikeltekst gevonden op de pagina</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="130"/>
        <source>damaged OpenDocument file</source>
        <translation>beschadigd OpenDocument-bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="134"/>
        <source>not an OpenDocument text</source>
        <translation>geen OpenDocument-tekst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="138"/>
        <source>encrypted PDF</source>
        <translation>versleutelde PDF</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="140"/>
        <source>damaged PDF</source>
        <translation>beschadigde PDF</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="143"/>
        <source>damaged PDF (no pages)</source>
        <translation>beschadigde PDF (geen pagina&apos;s)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="147"/>
        <source>no text layer (scanned?)</source>
        <translation>geen tekstlaag (gescand?)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="151"/>
        <source>more than %1 pages</source>
        <translation>meer dan %1 pagina&apos;s</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="155"/>
        <source>front matter not closed</source>
        <translation>front matter niet afgesloten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="160"/>
        <source>decoded as %1 without byte-order mark</source>
        <translation>gedecodeerd als %1 zonder byte-order mark</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="164"/>
        <source>invalid %1 bytes replaced</source>
        <translation>ongeldige %1-bytes vervangen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="168"/>
        <source>decoded as %1</source>
        <translation>gedecodeerd als %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/core_messages.py" line="172"/>
        <source>the file changed since it was imported; re-import to update the index</source>
        <translation>het bestand is gewijzigd sinds de import; importeer het opnieuw om de index bij te werken</translation>
    </message>
</context>
<context>
    <name>ElidedPathLabel</name>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="35"/>
        <source>Copy path</source>
        <translation>Pad kopiëren</translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="363"/>
        <source>{name}
Also written as: {aliases}</source>
        <translation>{name}
Ook geschreven als: {aliases}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/models.py" line="368"/>
        <source>Mentioned in %n bookmark(s)</source>
        <translation>
            <numerusform>Genoemd in %n bladwijzer</numerusform>
            <numerusform>Genoemd in %n bladwijzers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="389"/>
        <source>First mention: {context}</source>
        <translation>Eerste vermelding: {context}</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="392"/>
        <source>Recognised by: {reason}</source>
        <translation>Herkend aan: {reason}</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="398"/>
        <source>title “{title}”</source>
        <translation>titel “{title}”</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="400"/>
        <source>a known first name</source>
        <translation>een bekende voornaam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="401"/>
        <source>initials before a surname</source>
        <translation>voorletters voor een achternaam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="402"/>
        <source>a role after the name</source>
        <translation>een functie na de naam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="403"/>
        <source>a list of names</source>
        <translation>een lijst met namen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="404"/>
        <source>member of parliament (“het lid …”)</source>
        <translation>Kamerlid (“het lid …”)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="405"/>
        <source>a party in parentheses after the name</source>
        <translation>een partij tussen haakjes na de naam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="406"/>
        <source>the surname of a person named before</source>
        <translation>de achternaam van een eerder genoemde persoon</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="407"/>
        <source>a country&apos;s name</source>
        <translation>de naam van een land</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="408"/>
        <source>an adjective of nationality</source>
        <translation>een bijvoeglijk naamwoord van nationaliteit</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="409"/>
        <source>another country&apos;s ministry or department</source>
        <translation>een ministerie of departement van een ander land</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="410"/>
        <source>gazetteer of known organizations</source>
        <translation>lijst van bekende organisaties</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="411"/>
        <source>acronym defined in the text</source>
        <translation>afkorting die in de tekst wordt uitgeschreven</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="412"/>
        <source>a name with the word for a body (agency, council, fund…)</source>
        <translation>een naam met het woord voor een instantie (dienst, raad, fonds…)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="413"/>
        <source>a ministry named by its portfolio</source>
        <translation>een ministerie genoemd naar zijn portefeuille</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="414"/>
        <source>a parliament&apos;s name</source>
        <translation>de naam van een parlement</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="415"/>
        <source>named after its kind</source>
        <translation>genoemd na het soort instelling</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="416"/>
        <source>a name given with its web address</source>
        <translation>een naam met zijn webadres</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="417"/>
        <source>a minister&apos;s portfolio</source>
        <translation>de portefeuille van een minister</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="418"/>
        <source>the body under a name in a list of people</source>
        <translation>de instantie onder een naam in een lijst met personen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="419"/>
        <source>marked by you</source>
        <translation>door u gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="429"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/models.py" line="429"/>
        <source>Count</source>
        <translation>Aantal</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="73"/>
        <source>This document</source>
        <translation>Dit document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="74"/>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="85"/>
        <source>Filter…</source>
        <translation>Filteren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="86"/>
        <source>Filter {title}</source>
        <translation>{title} filteren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="135"/>
        <source>Show all</source>
        <translation>Alles tonen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="136"/>
        <source>Show all {title}</source>
        <translation>Alle {title} tonen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="148"/>
        <source>Add as filter</source>
        <translation>Als filter toevoegen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="149"/>
        <source>Rename…</source>
        <translation>Naam wijzigen…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="150"/>
        <source>Merge into…</source>
        <translation>Samenvoegen met…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="151"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="152"/>
        <source>Search for mentions</source>
        <translation>Zoeken naar vermeldingen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="153"/>
        <source>Hidden entities…</source>
        <translation>Verborgen entiteiten…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="280"/>
        <source>Showing {shown} of {total}</source>
        <translation>{shown} van {total} getoond</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="292"/>
        <source>Looking through all {total}…</source>
        <translation>Alle {total} doorzoeken…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="293"/>
        <source>Nothing matches “{text}”</source>
        <translation>Niets komt overeen met “{text}”</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="295"/>
        <source>No document open</source>
        <translation>Geen document geopend</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="300"/>
        <source>No people in this document</source>
        <translation>Geen personen in dit document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="302"/>
        <source>No people in these results</source>
        <translation>Geen personen in deze resultaten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="306"/>
        <source>No countries in this document</source>
        <translation>Geen landen in dit document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="308"/>
        <source>No countries in these results</source>
        <translation>Geen landen in deze resultaten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="311"/>
        <source>No organizations in this document</source>
        <translation>Geen organisaties in dit document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_panel.py" line="313"/>
        <source>No organizations in these results</source>
        <translation>Geen organisaties in deze resultaten</translation>
    </message>
</context>
<context>
    <name>ExpansionNote</name>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="51"/>
        <source>Searching only %1.</source>
        <translation>Alleen gezocht op %1.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="52"/>
        <source>Also search for %1</source>
        <translation>Zoek ook op %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="53"/>
        <source>Also search for the other names</source>
        <translation>Zoek ook op de andere namen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="55"/>
        <source>Also searching for: %1</source>
        <translation>Ook gezocht op: %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="56"/>
        <source>Search only %1</source>
        <translation>Zoek alleen op %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/expansion_note.py" line="57"/>
        <source>Search only the words as typed</source>
        <translation>Zoek alleen op de getypte woorden</translation>
    </message>
</context>
<context>
    <name>FailuresDialog</name>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="100"/>
        <source>Import problems</source>
        <translation>Importproblemen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="101"/>
        <source>Files not imported: %1</source>
        <translation>Niet geïmporteerde bestanden: %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="102"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="102"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="131"/>
        <source>No filters</source>
        <translation>Geen filters</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="135"/>
        <source>Date range</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="138"/>
        <source>From month</source>
        <translation>Vanaf maand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="139"/>
        <source>To month</source>
        <translation>Tot en met maand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="146"/>
        <source>Sort order</source>
        <translation>Sorteervolgorde</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="147"/>
        <source>Relevance</source>
        <translation>Relevantie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="148"/>
        <source>Newest first</source>
        <translation>Nieuwste eerst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="149"/>
        <source>Oldest first</source>
        <translation>Oudste eerst</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="150"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="160"/>
        <source>Sort:</source>
        <translation>Sorteren:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="24"/>
        <location filename="../../briefing_app/ui/find_bar.py" line="25"/>
        <source>Find in document</source>
        <translation>Zoeken in document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="31"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorige overeenkomst (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="35"/>
        <source>Next match (Enter)</source>
        <translation>Volgende overeenkomst (Enter)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="40"/>
        <location filename="../../briefing_app/ui/find_bar.py" line="89"/>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="43"/>
        <source>Close (Esc)</source>
        <translation>Sluiten (Esc)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/find_bar.py" line="86"/>
        <source>No matches</source>
        <translation>Geen overeenkomsten</translation>
    </message>
</context>
<context>
    <name>HiddenEntitiesDialog</name>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="231"/>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="250"/>
        <source>Hidden entities</source>
        <translation>Verborgen entiteiten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="233"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="234"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="235"/>
        <source>Organization</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="245"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="245"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="257"/>
        <source>Show again</source>
        <translation>Weer tonen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="277"/>
        <source>Hidden entities are left out of every panel and filter. Select one and choose Show again to restore it.</source>
        <translation>Verborgen entiteiten staan in geen enkel paneel of filter. Kies er een en klik op Weer tonen om die terug te zetten.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="281"/>
        <source>No entity is hidden.</source>
        <translation>Er is geen entiteit verborgen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="198"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="199"/>
        <source>Countries</source>
        <translation>Landen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="200"/>
        <source>Organizations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="223"/>
        <source>Bookmarks</source>
        <translation>Bladwijzers</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="247"/>
        <source>Import progress</source>
        <translation>Voortgang van het importeren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="253"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="254"/>
        <source>Cancel import</source>
        <translation>Importeren annuleren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="260"/>
        <source>Undo delete</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="282"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="284"/>
        <source>Import &amp;files…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="287"/>
        <source>Import f&amp;older…</source>
        <translation>&amp;Map importeren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="290"/>
        <source>&amp;Re-scan library</source>
        <translation>Bibliotheek opnieuw &amp;scannen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="292"/>
        <source>Re&amp;build index</source>
        <translation>Index opnieuw &amp;opbouwen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="293"/>
        <source>Import &amp;problems…</source>
        <translation>Import&amp;problemen…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="296"/>
        <source>&amp;Export briefing…</source>
        <translation>Briefing &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="299"/>
        <source>Export bookmarks as &amp;JSON…</source>
        <translation>Bladwijzers exporteren als &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="302"/>
        <source>Import boo&amp;kmarks…</source>
        <translation>&amp;Bladwijzers importeren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="305"/>
        <source>Pr&amp;int document…</source>
        <translation>Document afdr&amp;ukken…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="310"/>
        <source>Export document as P&amp;DF…</source>
        <translation>Document exporteren als P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Highlights in PDF</source>
        <translation type="vanished">Mar&amp;keringen in pdf</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="321"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="342"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="344"/>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="347"/>
        <location filename="../../briefing_app/ui/main_window.py" line="1200"/>
        <source>U&amp;ndo delete bookmark</source>
        <translation>Verwijderde bladwijzer &amp;herstellen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="359"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="363"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="364"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="369"/>
        <source>&amp;Theme</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="375"/>
        <source>&amp;System</source>
        <translation>&amp;Systeem</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="376"/>
        <source>&amp;Light</source>
        <translation>&amp;Licht</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="377"/>
        <source>&amp;Dark</source>
        <translation>&amp;Donker</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="388"/>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="389"/>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="391"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vooruit</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="394"/>
        <source>&amp;Next result</source>
        <translation>Vol&amp;gend resultaat</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="397"/>
        <source>&amp;Previous result</source>
        <translation>Vo&amp;rig resultaat</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="408"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="410"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="416"/>
        <source>&amp;Search syntax</source>
        <translation>&amp;Zoeksyntaxis</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="420"/>
        <source>&amp;About Briefing</source>
        <translation>&amp;Over Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="561"/>
        <source>Importing the sample library…</source>
        <translation>De voorbeeldbibliotheek wordt geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1300"/>
        <source>Open a document to print it.</source>
        <translation>Open een document om het af te drukken.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1501"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1502"/>
        <source>Restart Briefing now to use the new language?</source>
        <translation>Briefing nu herstarten om de nieuwe taal te gebruiken?</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1503"/>
        <source>Restart now</source>
        <translation>Nu herstarten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1505"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1519"/>
        <source>Could not restart Briefing; please start it again.</source>
        <translation>Briefing kon niet herstarten; start het zelf opnieuw.</translation>
    </message>
    <message>
        <source>document</source>
        <translation type="vanished">document</translation>
    </message>
    <message>
        <source>documents</source>
        <translation type="vanished">documenten</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation type="vanished">Bedoelde u</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="825"/>
        <source>Rename</source>
        <translation>Naam wijzigen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="825"/>
        <source>New name for “%1”:</source>
        <translation>Nieuwe naam voor “%1”:</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="841"/>
        <source>Nothing to merge with.</source>
        <translation>Er is niets om mee samen te voegen.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="vanished">Samenvoegen</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation type="vanished">“%1” samenvoegen met:</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="947"/>
        <source>Opening the document…</source>
        <translation>Document wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1061"/>
        <source>Open file</source>
        <translation>Bestand openen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1063"/>
        <source>No application is set up to open “%1”.</source>
        <translation>Er is geen programma ingesteld om “%1” te openen.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1065"/>
        <source>You can open it from its folder instead.</source>
        <translation>U kunt het in plaats daarvan vanuit de map openen.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1066"/>
        <source>Show in folder</source>
        <translation>Tonen in map</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1078"/>
        <source>Could not open the folder %1.</source>
        <translation>De map %1 kon niet worden geopend.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1099"/>
        <source>Select a passage in the document to bookmark it.</source>
        <translation>Selecteer een passage in het document om er een bladwijzer van te maken.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1122"/>
        <source>Select the new passage in the document, then choose Re-attach again.</source>
        <translation>Selecteer de nieuwe passage in het document en kies daarna nogmaals Opnieuw koppelen aan selectie.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1141"/>
        <source>This passage is no longer in the document. Select new text and choose Re-attach to selection in the Bookmarks panel.</source>
        <translation>Deze passage staat niet meer in het document. Selecteer nieuwe tekst en kies Opnieuw koppelen aan selectie in het paneel Bladwijzers.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1145"/>
        <source>The passage changed; it was: “%1”</source>
        <translation>De passage is gewijzigd; eerst stond er: “%1”</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1149"/>
        <source>The passage moved within the document.</source>
        <translation>De passage is binnen het document verplaatst.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1177"/>
        <source>Passage bookmarked.</source>
        <translation>Passage als bladwijzer toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1181"/>
        <source>Bookmark restored.</source>
        <translation>Bladwijzer teruggezet.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1187"/>
        <source>Bookmark deleted.</source>
        <translation>Bladwijzer verwijderd.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1194"/>
        <source>U&amp;ndo hide</source>
        <translation>Verbergen o&amp;ngedaan maken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1196"/>
        <source>U&amp;ndo merge</source>
        <translation>Samenvoegen o&amp;ngedaan maken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1198"/>
        <source>U&amp;ndo rename</source>
        <translation>Hernoemen o&amp;ngedaan maken</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1225"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1226"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1227"/>
        <source>Entity</source>
        <translation>Persoon, land of organisatie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1230"/>
        <location filename="../../briefing_app/ui/main_window.py" line="1240"/>
        <source>Export briefing</source>
        <translation>Briefing exporteren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1230"/>
        <source>Group passages by:</source>
        <translation>Passages groeperen per:</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1235"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1236"/>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1237"/>
        <location filename="../../briefing_app/ui/main_window.py" line="1290"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1250"/>
        <source>Export bookmarks</source>
        <translation>Bladwijzers exporteren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1252"/>
        <source>Web Annotations (*.json *.jsonld)</source>
        <translation>Webannotaties (*.json *.jsonld)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1261"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>%1 bookmarks exported to %2</source>
        <translation type="vanished">%1 bladwijzers geëxporteerd naar %2</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1343"/>
        <source>Import bookmarks</source>
        <translation>Bladwijzers importeren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1345"/>
        <source>Web Annotations (*.json *.jsonld);;All files (*)</source>
        <translation>Webannotaties (*.json *.jsonld);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>%1 bookmarks imported, %2 already there</source>
        <translation type="vanished">%1 bladwijzers geïmporteerd, %2 waren er al</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1370"/>
        <source>Import files</source>
        <translation>Bestanden importeren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1373"/>
        <source>Documents (*.txt *.md *.markdown *.pdf *.docx *.odt *.html *.htm *.eml);;All files (*)</source>
        <translation>Documenten (*.txt *.md *.markdown *.pdf *.docx *.odt *.html *.htm *.eml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1379"/>
        <source>Import folder</source>
        <translation>Map importeren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1386"/>
        <source>Rebuild index</source>
        <translation>Index opnieuw opbouwen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1388"/>
        <source>Rebuild the search index from the source files? Your bookmarks and corrections are kept.</source>
        <translation>De zoekindex opnieuw opbouwen uit de bronbestanden? Uw bladwijzers en correcties blijven bewaard.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1422"/>
        <source>Importing %1</source>
        <translation>%1 wordt geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1425"/>
        <source>%1 added, %2 updated, %3 unchanged, %4 removed, %5 failed</source>
        <translation>%1 toegevoegd, %2 bijgewerkt, %3 ongewijzigd, %4 verwijderd, %5 mislukt</translation>
    </message>
    <message>
        <source>Import cancelled: </source>
        <translation type="vanished">Importeren geannuleerd: </translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1442"/>
        <source>%1 not imported…</source>
        <translation>%1 niet geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1450"/>
        <source>Index rebuilt: %1 documents</source>
        <translation>Index opnieuw opgebouwd: %1 documenten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1490"/>
        <source>About Briefing</source>
        <translation>Over Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1485"/>
        <source>Briefing: search, read and annotate press releases and briefing notes, in Dutch and in English.</source>
        <translation>Briefing: persberichten en nota’s doorzoeken, lezen en annoteren, in het Nederlands en in het Engels.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1489"/>
        <source>Data folder: %1</source>
        <translation>Gegevensmap: %1</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1497"/>
        <source>The new language is used after a restart.</source>
        <translation>De nieuwe taal wordt gebruikt zodra Briefing opnieuw is gestart.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="719"/>
        <source>Did you mean %1?</source>
        <translation>Bedoelde u %1?</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="316"/>
        <source>&amp;Highlights in print and PDF</source>
        <translation>Mar&amp;keringen in afdruk en pdf</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="709"/>
        <source>1 document</source>
        <translation>1 document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="711"/>
        <source>%1 documents</source>
        <translation>%1 documenten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="715"/>
        <source>+ %n similar</source>
        <translation>
            <numerusform>+ %n vergelijkbaar</numerusform>
            <numerusform>+ %n vergelijkbare</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="779"/>
        <source>Results of the last valid query</source>
        <translation>Resultaten van de laatste geldige zoekopdracht</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="860"/>
        <source>“%1” is hidden.</source>
        <translation>“%1” is verborgen.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="864"/>
        <source>Merged “%1” into “%2”.</source>
        <translation>“%1” samengevoegd met “%2”.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="866"/>
        <source>Renamed “%1” to “%2”.</source>
        <translation>“%1” hernoemd tot “%2”.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="878"/>
        <source>Correction undone.</source>
        <translation>Correctie ongedaan gemaakt.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="892"/>
        <source>“%1” is shown again.</source>
        <translation>“%1” wordt weer getoond.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1284"/>
        <source>Open a document to export it.</source>
        <translation>Open een document om het te exporteren.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1288"/>
        <source>Export document as PDF</source>
        <translation>Document exporteren als pdf</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1332"/>
        <source>Exported the document to %1</source>
        <translation>Document geëxporteerd naar %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1337"/>
        <source>Exported %n bookmark(s) to %1</source>
        <translation>
            <numerusform>%n bladwijzer geëxporteerd naar %1</numerusform>
            <numerusform>%n bladwijzers geëxporteerd naar %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1352"/>
        <source>Imported %n bookmark(s)</source>
        <translation>
            <numerusform>%n bladwijzer geïmporteerd</numerusform>
            <numerusform>%n bladwijzers geïmporteerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1354"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n was er al</numerusform>
            <numerusform>%n waren er al</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1414"/>
        <source>Updating the search index for this version of Briefing…</source>
        <translation>De zoekindex wordt bijgewerkt voor deze versie van Briefing…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/main_window.py" line="1436"/>
        <source>Import cancelled: %1</source>
        <translation>Importeren geannuleerd: %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="100"/>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="122"/>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="105"/>
        <source>Merge “%1” into:</source>
        <translation>“%1” samenvoegen met:</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="109"/>
        <source>Filter…</source>
        <translation>Filteren…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="110"/>
        <source>Filter the entities to merge into</source>
        <translation>Filter de entiteiten om mee samen te voegen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/entity_dialogs.py" line="114"/>
        <source>Entities to merge into</source>
        <translation>Entiteiten om mee samen te voegen</translation>
    </message>
</context>
<context>
    <name>MonthEdit</name>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="36"/>
        <source>YYYY-MM</source>
        <translation>JJJJ-MM</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/filter_bar.py" line="37"/>
        <source>A year (2017) or a month (2017-03); ↑/↓ step a month</source>
        <translation>Een jaar (2017) of een maand (2017-03); ↑/↓ gaan een maand verder of terug</translation>
    </message>
</context>
<context>
    <name>ReadWorker</name>
    <message>
        <source>The library is not open.</source>
        <translation type="vanished">De bibliotheek is niet geopend.</translation>
    </message>
</context>
<context>
    <name>ReaderHeader</name>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="81"/>
        <source>Document title</source>
        <translation>Documenttitel</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="92"/>
        <source>File path</source>
        <translation>Bestandspad</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="94"/>
        <source>Open file</source>
        <translation>Bestand openen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="96"/>
        <source>Open the file in its default application</source>
        <translation>Het bestand openen in de standaardtoepassing</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="98"/>
        <source>Show in folder</source>
        <translation>Tonen in map</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="100"/>
        <source>Show the file in the file manager</source>
        <translation>Het bestand tonen in de bestandsbeheerder</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="170"/>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="171"/>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="172"/>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="173"/>
        <source>French</source>
        <translation>Frans</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader_header.py" line="174"/>
        <source>Unknown language</source>
        <translation>Onbekende taal</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="740"/>
        <source>Search hit position</source>
        <translation>Positie van de zoektreffer</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="743"/>
        <source>Previous hit (Shift+F3)</source>
        <translation>Vorige treffer (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="748"/>
        <source>Next hit (F3)</source>
        <translation>Volgende treffer (F3)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="771"/>
        <source>&amp;Find in Document…</source>
        <translation>Zoeken in &amp;document…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="773"/>
        <source>Next &amp;Hit</source>
        <translation>Volgende &amp;treffer</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="775"/>
        <source>Previous H&amp;it</source>
        <translation>Vorige tre&amp;ffer</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="778"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="781"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="783"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Werkelijke grootte</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="785"/>
        <source>&amp;Bookmark Passage</source>
        <translation>Passage als &amp;bladwijzer toevoegen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="788"/>
        <source>Bookmark the selected passage (Ctrl+D)</source>
        <translation>De geselecteerde passage als bladwijzer toevoegen (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="792"/>
        <source>Mark as Person</source>
        <translation>Markeren als persoon</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="793"/>
        <source>Mark as Organization</source>
        <translation>Markeren als organisatie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="794"/>
        <source>Mark as Country</source>
        <translation>Markeren als land</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="798"/>
        <source>Copy with &amp;Citation</source>
        <translation>&amp;Kopiëren met bronvermelding</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="802"/>
        <source>Copy the selected passage with its title, issuer, date and file</source>
        <translation>De geselecteerde passage kopiëren met titel, afzender, datum en bestand</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="912"/>
        <source>The selected words name it, in every document</source>
        <translation>De geselecteerde woorden noemen het, in elk document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="978"/>
        <source>Hit %1 of %2</source>
        <translation>Treffer %1 van %2</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="100"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="101"/>
        <source>The text of the open document</source>
        <translation>De tekst van het geopende document</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="105"/>
        <source>Select a result to read it here</source>
        <translation>Kies een resultaat om het hier te lezen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="151"/>
        <source>The file could not be read.</source>
        <translation>Het bestand kon niet worden gelezen.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/reader.py" line="152"/>
        <source>This document cannot be shown</source>
        <translation>Dit document kan niet worden weergegeven</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <location filename="../../briefing_app/ui/result_delegate.py" line="212"/>
        <source>(untitled)</source>
        <translation>(zonder titel)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/result_delegate.py" line="269"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n vergelijkbaar</numerusform>
            <numerusform>%n vergelijkbare</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/result_delegate.py" line="303"/>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/models.py" line="207"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n vergelijkbaar</numerusform>
            <numerusform>%n vergelijkbare</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../briefing_app/ui/result_delegate.py" line="329"/>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/result_delegate.py" line="440"/>
        <source>Hide similar documents</source>
        <translation>Vergelijkbare documenten verbergen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/result_delegate.py" line="442"/>
        <source>Show %n similar document(s)</source>
        <translation>
            <numerusform>%n vergelijkbaar document tonen</numerusform>
            <numerusform>%n vergelijkbare documenten tonen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="104"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Type to search; Enter searches at once; Down moves to the results.</source>
        <translation type="vanished">Typ om te zoeken; Enter zoekt meteen; pijl-omlaag gaat naar de resultaten.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="107"/>
        <source>Type to search; Enter searches at once; Down moves to the results; Alt+Down shows recent searches.</source>
        <translation>Typ om te zoeken; Enter zoekt meteen; pijl-omlaag gaat naar de resultaten; Alt+pijl-omlaag toont recente zoekopdrachten.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="124"/>
        <location filename="../../briefing_app/ui/search_bar.py" line="130"/>
        <location filename="../../briefing_app/ui/search_bar.py" line="131"/>
        <source>Recent searches</source>
        <translation>Recente zoekopdrachten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="142"/>
        <source>Search syntax: operators and examples (Shift+F1)</source>
        <translation>Zoeksyntaxis: operatoren en voorbeelden (Shift+F1)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="143"/>
        <source>Search syntax</source>
        <translation>Zoeksyntaxis</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="152"/>
        <source>Search problem</source>
        <translation>Probleem met de zoekopdracht</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="211"/>
        <source>Search {count} documents…</source>
        <translation>Zoeken in {count} documenten…</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="320"/>
        <source>No recent searches</source>
        <translation>Geen recente zoekopdrachten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/search_bar.py" line="326"/>
        <source>Clear recent searches</source>
        <translation>Recente zoekopdrachten wissen</translation>
    </message>
</context>
<context>
    <name>SearchSyntaxDialog</name>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="137"/>
        <location filename="../../briefing_app/ui/dialogs.py" line="141"/>
        <source>Search syntax</source>
        <translation>Zoeksyntaxis</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="154"/>
        <source>Documents with both words: AND is the default</source>
        <translation>Documenten met beide woorden: AND is de standaard</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="155"/>
        <source>The same, with AND written out</source>
        <translation>Hetzelfde, met AND uitgeschreven</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="156"/>
        <source>Either word, or both</source>
        <translation>Het ene woord, het andere of beide</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="157"/>
        <source>The first word, but not the second</source>
        <translation>Het eerste woord, maar niet het tweede</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="158"/>
        <source>Parentheses group words</source>
        <translation>Haakjes groeperen woorden</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="159"/>
        <source>A phrase: these words together, in this order</source>
        <translation>Een zinsdeel: deze woorden samen, in deze volgorde</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="162"/>
        <source>Prefix: words that start with these letters (terrorisme, terroristen)</source>
        <translation>Voorvoegsel: woorden die met deze letters beginnen (terrorisme, terroristen)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="167"/>
        <source>Fuzzy: the word with one typing error (a letter more, fewer or another, or two neighbouring letters swapped)</source>
        <translation>Bij benadering: het woord met één tikfout (een letter meer, minder of anders, of twee naburige letters verwisseld)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="171"/>
        <source>Fuzzy with up to two errors</source>
        <translation>Bij benadering, met hooguit twee fouten</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="172"/>
        <source>In the title (also titel:)</source>
        <translation>In de titel (ook titel:)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="173"/>
        <source>Documents with this tag</source>
        <translation>Documenten met deze tag</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="174"/>
        <source>Dated in 2018 (also datum:)</source>
        <translation>Gedateerd in 2018 (ook datum:)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="175"/>
        <source>Dated in March 2018</source>
        <translation>Gedateerd in maart 2018</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="176"/>
        <source>Dated 12 March 2018</source>
        <translation>Gedateerd 12 maart 2018</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="177"/>
        <source>Dated from January to June 2018</source>
        <translation>Gedateerd van januari tot en met juni 2018</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="178"/>
        <source>Dated January 2018 or later</source>
        <translation>Gedateerd januari 2018 of later</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="179"/>
        <source>The same range, written with TO (or tot)</source>
        <translation>Dezelfde periode, geschreven met TO (of tot)</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="180"/>
        <source>Operators, fields and dates combine</source>
        <translation>Operatoren, velden en datums zijn te combineren</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="191"/>
        <source>Every form of a word counts: organisatie also finds organisaties, nemen also genomen; a phrase, a prefix and a fuzzy word match as written.</source>
        <translation>Elke vorm van een woord telt: organisatie vindt ook organisaties, nemen ook genomen; een zinsdeel, een voorvoegsel en een woord bij benadering zoeken zoals geschreven.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="194"/>
        <source>Case and accents do not matter: jordanie finds Jordanië.</source>
        <translation>Hoofdletters en accenten maken niet uit: jordanie vindt Jordanië.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="196"/>
        <source>Names of organizations and countries also find their other names: EU also finds Europese Unie and European Union.</source>
        <translation>Namen van organisaties en landen vinden ook hun andere namen: EU vindt ook Europese Unie en European Union.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="199"/>
        <source>While you type, the last word counts as the start of a word.</source>
        <translation>Tijdens het typen telt het laatste woord als het begin van een woord.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="200"/>
        <source>Click an example to search for it.</source>
        <translation>Klik op een voorbeeld om ernaar te zoeken.</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="202"/>
        <source>Type words to find the documents that contain them all.</source>
        <translation>Typ woorden om de documenten te vinden die ze allemaal bevatten.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="119"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="120"/>
        <source>Everything Briefing does from the keyboard:</source>
        <translation>Alles wat Briefing met het toetsenbord kan:</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="121"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../briefing_app/ui/dialogs.py" line="121"/>
        <source>Shortcut</source>
        <translation>Sneltoets</translation>
    </message>
</context>
<context>
    <name>TaskWorker</name>
    <message>
        <location filename="../../briefing_app/ui/tasks.py" line="114"/>
        <source>The library is not open.</source>
        <translation>De bibliotheek is niet geopend.</translation>
    </message>
</context>
<context>
    <name>WriteWorker</name>
    <message>
        <source>The library is not open.</source>
        <translation type="vanished">De bibliotheek is niet geopend.</translation>
    </message>
</context>
</TS>

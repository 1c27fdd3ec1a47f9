<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EntityListModel</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/models.py" line="368"/>
        <source>Mentioned in %n bookmark(s)</source>
        <translation>
            <numerusform>Mentioned in %n bookmark</numerusform>
            <numerusform>Mentioned in %n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="715"/>
        <source>+ %n similar</source>
        <translation>
            <numerusform>+ %n similar</numerusform>
            <numerusform>+ %n similar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1337"/>
        <source>Exported %n bookmark(s) to %1</source>
        <translation>
            <numerusform>Exported %n bookmark to %1</numerusform>
            <numerusform>Exported %n bookmarks to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1352"/>
        <source>Imported %n bookmark(s)</source>
        <translation>
            <numerusform>Imported %n bookmark</numerusform>
            <numerusform>Imported %n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/main_window.py" line="1354"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/result_delegate.py" line="269"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n similar</numerusform>
            <numerusform>%n similar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/models.py" line="207"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n similar</numerusform>
            <numerusform>%n similar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message numerus="yes">
        <location filename="../../briefing_app/ui/result_delegate.py" line="442"/>
        <source>Show %n similar document(s)</source>
        <translation>
            <numerusform>Show %n similar document</numerusform>
            <numerusform>Show %n similar documents</numerusform>
        </translation>
    </message>
</context>
</TS>

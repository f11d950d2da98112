<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>wardroll::model::HouseholdRules</name>
    <message numerus="yes">
        <source>Household %1 has no head (“%2”) among its %n member(s).</source>
        <translation>
            <numerusform>Household %1 has no head (“%2”) among its %n member.</numerusform>
            <numerusform>Household %1 has no head (“%2”) among its %n members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::model::PersonalId</name>
    <message numerus="yes">
        <source>The personal ID has %n character(s), but it must have exactly 12 digits.</source>
        <translation>
            <numerusform>The personal ID has %n character, but it must have exactly 12 digits.</numerusform>
            <numerusform>The personal ID has %n characters, but it must have exactly 12 digits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::model::RecordRules</name>
    <message numerus="yes">
        <source>The personal ID %1 is also on %n other record(s): %2. One person has one ID: these are duplicates of one person, or an ID was written wrongly.</source>
        <translation>
            <numerusform>The personal ID %1 is also on %n other record: %2. One person has one ID: these are duplicates of one person, or an ID was written wrongly.</numerusform>
            <numerusform>The personal ID %1 is also on %n other records: %2. One person has one ID: these are duplicates of one person, or an ID was written wrongly.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::CleaningQueuePage</name>
    <message numerus="yes">
        <source>%Ln flag(s)</source>
        <translation>
            <numerusform>%Ln flag</numerusform>
            <numerusform>%Ln flags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::DuplicateReviewPage</name>
    <message numerus="yes">
        <source>%Ln pair(s) to review</source>
        <translation>
            <numerusform>%Ln pair to review</numerusform>
            <numerusform>%Ln pairs to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::HouseholdView</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentForm</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wardroll::ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln change to send</numerusform>
            <numerusform>%Ln changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CompletionService</name>
    <message>
        <source>No language model is loaded.</source>
        <translation>Es ist kein Sprachmodell geladen.</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <source>Embedded</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <source>Your directory</source>
        <translation>Eigenes Verzeichnis</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Hugging-Face-Cache</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>The embedded model is missing from this installation.</source>
        <translation>Das eingebaute Modell fehlt in dieser Installation.</translation>
    </message>
</context>
<context>
    <name>PrintableDocument</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>The window was never shown.</source>
        <translation>Das Fenster wurde nie angezeigt.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to “%1”.</source>
        <translation>Das Bildschirmfoto kann nicht nach „%1“ geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>TextFile</name>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>„%1“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“%1” is not a regular file (it is a device, pipe or socket), so it was not opened.</source>
        <translation>„%1“ ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein Socket) und wurde daher nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to edit (%2 MiB).</source>
        <translation>„%1“ ist zu groß zum Bearbeiten (%2 MiB).</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
        <source>“%1” looks like a binary file (it contains NUL characters), so it was not opened.</source>
        <translation>„%1“ scheint eine Binärdatei zu sein (sie enthält NUL-Zeichen) und wurde daher nicht geöffnet.</translation>
    </message>
    <message>
        <source>“%1” is not a UTF-8 text file. Inkling opens UTF-8, and UTF-16 with a byte-order mark; convert other encodings first.</source>
        <translation>„%1“ ist keine UTF-8-Textdatei. Inkling öffnet UTF-8 sowie UTF-16 mit Byte-Order-Mark; konvertieren Sie andere Kodierungen zuerst.</translation>
    </message>
    <message>
        <source>“%1” starts with a UTF-16 byte-order mark but is not valid UTF-16 text, so it was not opened.</source>
        <translation>„%1“ beginnt mit einem UTF-16-Byte-Order-Mark, ist aber kein gültiger UTF-16-Text und wurde daher nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>System Default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>inkling::Autosave</name>
    <message>
        <source>Cannot write the recovery copy in “%1”.</source>
        <translation>Die Wiederherstellungskopie kann nicht in „%1“ geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write the recovery copy “%1”: %2</source>
        <translation>Die Wiederherstellungskopie „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>inkling::CrashRecovery</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>ein unbenanntes Dokument</translation>
    </message>
    <message>
        <source>“%1” was changed on disk %2 after its copy was saved; saving the recovered text will ask before replacing it.</source>
        <translation>„%1“ wurde %2 nach dem Sichern der Kopie auf dem Datenträger geändert; beim Speichern des wiederhergestellten Textes werden Sie gefragt, bevor die Datei ersetzt wird.</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Inkling was not closed properly. Unsaved changes to %n document(s) can be recovered: %1.</source>
        <translation>
            <numerusform>Inkling wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an einem Dokument können wiederhergestellt werden: %1.</numerusform>
            <numerusform>Inkling wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an %n Dokumenten können wiederhergestellt werden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Ask &amp;Later</source>
        <translation>&amp;Später fragen</translation>
    </message>
    <message>
        <source>The recovered text of %1 is open, but no new recovery copy of it could be written, so the old one was kept. Save the document to be safe.</source>
        <translation>Der wiederhergestellte Text von %1 ist geöffnet, aber es konnte keine neue Wiederherstellungskopie geschrieben werden; die alte wurde daher behalten. Speichern Sie das Dokument, um sicherzugehen.</translation>
    </message>
</context>
<context>
    <name>inkling::Document</name>
    <message>
        <source>Cannot save the document&apos;s notes: %1</source>
        <translation>Die Notizen des Dokuments können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Cannot Reload File</source>
        <translation>Datei kann nicht neu geladen werden</translation>
    </message>
    <message>
        <source>Reloaded “%1”</source>
        <translation>„%1“ neu geladen</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>“%1” was deleted or renamed by another program. Your text is still here; save it to keep it.</source>
        <translation>„%1“ wurde von einem anderen Programm gelöscht oder umbenannt. Ihr Text ist noch vorhanden; speichern Sie ihn, um ihn zu behalten.</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it and lose your unsaved changes?</source>
        <translation>„%1“ wurde von einem anderen Programm geändert. Neu laden und die ungespeicherten Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it?</source>
        <translation>„%1“ wurde von einem anderen Programm geändert. Neu laden?</translation>
    </message>
</context>
<context>
    <name>inkling::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>With a regular expression, \1 or $1 inserts the first captured group, \0 the whole match, \n a line break</source>
        <translation>Bei einem regulären Ausdruck fügt \1 oder $1 die erste erfasste Gruppe ein, \0 den ganzen Treffer, \n einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>Perl-compatible; a match lies within one line</source>
        <translation>Perl-kompatibel; ein Treffer liegt innerhalb einer Zeile</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Ungültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation>Suche am Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>Search wrapped to the bottom</source>
        <translation>Suche am Ende fortgesetzt</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation>Ungültiger regulärer Ausdruck: %1 (bei Zeichen %2)</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen ersetzt</numerusform>
            <numerusform>%n Vorkommen ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkling::HighlightingMenu</name>
    <message>
        <source>&amp;Highlighting</source>
        <translation>&amp;Hervorhebung</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>Reiner Text</translation>
    </message>
</context>
<context>
    <name>inkling::KeyboardHelp</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Accept the whole suggestion (without one: indent)</source>
        <translation>Ganzen Vorschlag annehmen (ohne Vorschlag: einrücken)</translation>
    </message>
    <message>
        <source>Accept the next word (without one: move by word)</source>
        <translation>Nächstes Wort annehmen (ohne Vorschlag: Cursor wortweise bewegen)</translation>
    </message>
    <message>
        <source>Accept the next line or sentence</source>
        <translation>Nächste Zeile oder nächsten Satz annehmen</translation>
    </message>
    <message>
        <source>Dismiss the suggestion</source>
        <translation>Vorschlag verwerfen</translation>
    </message>
    <message>
        <source>Show the next alternative (up to three)</source>
        <translation>Nächste Alternative anzeigen (bis zu drei)</translation>
    </message>
    <message>
        <source>Show the previous alternative</source>
        <translation>Vorherige Alternative anzeigen</translation>
    </message>
    <message>
        <source>Suggest now</source>
        <translation>Jetzt vorschlagen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Typing the suggested characters keeps the rest of the suggestion; any other key or cursor move removes it. Keys can be changed in Settings.</source>
        <translation>Wenn Sie die vorgeschlagenen Zeichen selbst tippen, bleibt der Rest des Vorschlags erhalten; jede andere Taste oder Cursorbewegung entfernt ihn. Die Tasten lassen sich in den Einstellungen ändern.</translation>
    </message>
</context>
<context>
    <name>inkling::MainWindow</name>
    <message>
        <source>Check S&amp;pelling</source>
        <translation>Rechtschreibung &amp;prüfen</translation>
    </message>
    <message>
        <source>Underline misspelt words in prose, comments and strings</source>
        <translation>Falsch geschriebene Wörter in Text, Kommentaren und Zeichenketten unterstreichen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the document with its highlighting</source>
        <translation>Das Dokument mit seiner Hervorhebung drucken</translation>
    </message>
    <message>
        <source>E&amp;xport as PDF…</source>
        <translation>Als PDF e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file with its highlighting</source>
        <translation>Das Dokument mit seiner Hervorhebung als PDF-Datei speichern</translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation>„%1“ drucken</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot Export as PDF</source>
        <translation>PDF-Export nicht möglich</translation>
    </message>
    <message>
        <source>Exported “%1”</source>
        <translation>„%1“ exportiert</translation>
    </message>
    <message>
        <source>Document &amp;Notes</source>
        <translation>Dokument&amp;notizen</translation>
    </message>
    <message>
        <source>Go to &amp;Line…</source>
        <translation>Gehe zu &amp;Zeile…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search the document</source>
        <translation>Das Dokument durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>Erse&amp;tzen…</translation>
    </message>
    <message>
        <source>Search the document and replace matches</source>
        <translation>Das Dokument durchsuchen und Treffer ersetzen</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 Wort</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 Wörter</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 Zeichen</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 von %2 Wörtern</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>“%1” was changed by another program after you opened it (last changed %2). Saving replaces that version with your text.</source>
        <translation>„%1“ wurde nach dem Öffnen von einem anderen Programm geändert (zuletzt %2). Beim Speichern wird diese Fassung durch Ihren Text ersetzt.</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Start a new, empty document</source>
        <translation>Ein neues, leeres Dokument beginnen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an existing file</source>
        <translation>Eine vorhandene Datei öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Das Dokument speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the document under a new name</source>
        <translation>Das Dokument unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Inkling</source>
        <translation>Inkling beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Inkling</source>
        <translation>Ü&amp;ber Inkling</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Opened “%1”</source>
        <translation>„%1“ geöffnet</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Untitled.md</source>
        <translation>Unbenannt.md</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Cannot Save File</source>
        <translation>Datei kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>„%1“ gespeichert</translation>
    </message>
    <message>
        <source>About Inkling</source>
        <translation>Über Inkling</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inkling %1&lt;/h3&gt;&lt;p&gt;A text editor that suggests how your sentence goes on, using a GPT-2 language model that runs entirely on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Inkling %1&lt;/h3&gt;&lt;p&gt;Ein Texteditor, der vorschlägt, wie Ihr Satz weitergeht – mit einem GPT-2-Sprachmodell, das vollständig auf diesem Computer läuft.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The document “%1” has unsaved changes.
Do you want to save them?</source>
        <translation>Das Dokument „%1“ enthält ungespeicherte Änderungen.
Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation>&amp;Vorschläge</translation>
    </message>
    <message>
        <source>Suggest &amp;Now</source>
        <translation>&amp;Jetzt vorschlagen</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>Vorschlag &amp;annehmen</translation>
    </message>
    <message>
        <source>Accept Next &amp;Word</source>
        <translation>Nächstes &amp;Wort annehmen</translation>
    </message>
    <message>
        <source>Accept Next &amp;Line</source>
        <translation>Nächste &amp;Zeile annehmen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Ne&amp;xt Alternative</source>
        <translation>&amp;Nächste Alternative</translation>
    </message>
    <message>
        <source>&amp;Previous Alternative</source>
        <translation>V&amp;orherige Alternative</translation>
    </message>
    <message>
        <source>Suggest While &amp;Typing</source>
        <translation>Beim &amp;Tippen vorschlagen</translation>
    </message>
    <message>
        <source>Suggest While Typing in This &amp;Document</source>
        <translation>Beim Tippen in diesem &amp;Dokument vorschlagen</translation>
    </message>
    <message>
        <source>Suggest While Typing in %1 Files</source>
        <translation>Beim Tippen in %1-Dateien vorschlagen</translation>
    </message>
    <message>
        <source>%1 Mode</source>
        <translation>%1-Modus</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>Kein Vorschlag: %1</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>How far suggestions reach</source>
        <translation>Wie weit Vorschläge reichen</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Encoding and line ends of the file; saving keeps them</source>
        <translation>Kodierung und Zeilenenden der Datei; beim Speichern bleiben sie erhalten</translation>
    </message>
    <message>
        <source>“%1” is open in another tab. Close that tab first.</source>
        <translation>„%1“ ist in einem anderen Tab geöffnet. Schließen Sie zuerst diesen Tab.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>Das Dokument schließen</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Kodierung</translation>
    </message>
    <message>
        <source>The encoding and line ends the document is saved with</source>
        <translation>Die Kodierung und die Zeilenenden, mit denen das Dokument gespeichert wird</translation>
    </message>
    <message>
        <source>Line Ends: %1</source>
        <translation>Zeilenenden: %1</translation>
    </message>
    <message>
        <source>Server: %1 The built-in model answers.</source>
        <translation>Server: %1 Das eingebaute Modell antwortet.</translation>
    </message>
    <message>
        <source>Cannot store the server&apos;s API key in %1.</source>
        <translation>Der API-Schlüssel des Servers kann nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>inkling::ModelDownload</name>
    <message>
        <source>%1 is already installed in %2.</source>
        <translation>%1 ist bereits in %2 installiert.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3 for %4.</source>
        <translation>%1 hat auf %4 mit HTTP %2 %3 geantwortet.</translation>
    </message>
    <message>
        <source>The download from %1 failed: %2</source>
        <translation>Der Download von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 redirected without a location.</source>
        <translation>%1 hat ohne Zieladresse weitergeleitet.</translation>
    </message>
    <message>
        <source>%1 redirected too often.</source>
        <translation>%1 hat zu oft weitergeleitet.</translation>
    </message>
    <message>
        <source>%1 did not report a SHA-256 checksum for %2, so the download cannot be verified.</source>
        <translation>%1 hat keine SHA-256-Prüfsumme für %2 angegeben, daher kann der Download nicht überprüft werden.</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more, but only %3 are free in %4.</source>
        <translation>Nicht genug Speicherplatz für %1: Es werden noch %2 benötigt, aber in %4 sind nur %3 frei.</translation>
    </message>
    <message>
        <source>%1 resumed the download at the wrong place (%2); start it again.</source>
        <translation>%1 hat den Download an der falschen Stelle fortgesetzt (%2); starten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>The download of %1 ended after %2 of %3.</source>
        <translation>Der Download von %1 endete nach %2 von %3.</translation>
    </message>
    <message>
        <source>Cannot read %1 to verify it: %2</source>
        <translation>%1 kann zur Überprüfung nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 of %2 failed its SHA-256 check (expected %3, got %4); the damaged file was deleted. Try the download again.</source>
        <translation>%1 von %2 hat die SHA-256-Prüfung nicht bestanden (erwartet %3, erhalten %4); die beschädigte Datei wurde gelöscht. Versuchen Sie den Download erneut.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>The downloaded files are not a usable GPT-2 model: %1</source>
        <translation>Die heruntergeladenen Dateien sind kein verwendbares GPT-2-Modell: %1</translation>
    </message>
    <message>
        <source>Cannot move the download into place at %1.</source>
        <translation>Der Download kann nicht nach %1 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>inkling::ModelLoader</name>
    <message>
        <source>%1
%2 M parameters, %3 layers × %4, context %5 tokens, %6 weights, %7</source>
        <translation>%1
%2 Mio. Parameter, %3 Schichten × %4, Kontext %5 Tokens, %6-Gewichte, %7</translation>
    </message>
    <message>
        <source>The language model could not be loaded: %1</source>
        <translation>Das Sprachmodell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 drafts for it (speculative decoding)</source>
        <translation>Entwürfe von %1 (spekulatives Dekodieren)</translation>
    </message>
    <message>
        <source>No model directory is set and the embedded model is missing.</source>
        <translation>Es ist kein Modellverzeichnis festgelegt, und das eingebaute Modell fehlt.</translation>
    </message>
</context>
<context>
    <name>inkling::ModelManagerDialog</name>
    <message>
        <source>Looking for models…</source>
        <translation>Modelle werden gesucht…</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>&amp;Use This Model</source>
        <translation>Dieses Modell &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Remove From List</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>File Size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>&amp;Add Directory…</source>
        <translation>Verzeichnis &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Download from Hugging Face</source>
        <translation>Von Hugging Face herunterladen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 parameters)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 Parameter)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Verifying the SHA-256 checksum…</source>
        <translation>SHA-256-Prüfsumme wird überprüft…</translation>
    </message>
    <message>
        <source>Cancelled. What was downloaded is kept for resuming.</source>
        <translation>Abgebrochen. Die bereits heruntergeladenen Daten bleiben zum Fortsetzen erhalten.</translation>
    </message>
    <message>
        <source>Installed in %1</source>
        <translation>Installiert in %1</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Resume (%1 so far)</source>
        <translation>Fortsetzen (bisher %1)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>wird verwendet</translation>
    </message>
    <message>
        <source>%1 parameters (%2 layers × %3), context length %4 tokens</source>
        <translation>%1 Parameter (%2 Schichten × %3), Kontextlänge %4 Tokens</translation>
    </message>
    <message>
        <source>File size %1, precision %2</source>
        <translation>Dateigröße %1, Genauigkeit %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Choose a GPT-2 model directory</source>
        <translation>GPT-2-Modellverzeichnis auswählen</translation>
    </message>
    <message>
        <source>Stop Downloads?</source>
        <translation>Downloads abbrechen?</translation>
    </message>
    <message>
        <source>Closing this window stops the running downloads. What has arrived is kept, and the download resumes when you start it again.</source>
        <translation>Wenn Sie dieses Fenster schließen, werden die laufenden Downloads abgebrochen. Bereits Heruntergeladenes bleibt erhalten, und der Download wird fortgesetzt, wenn Sie ihn erneut starten.</translation>
    </message>
</context>
<context>
    <name>inkling::SettingsDialog</name>
    <message>
        <source>Spelling</source>
        <translation>Rechtschreibung</translation>
    </message>
    <message>
        <source>Check spelling while typing</source>
        <translation>Rechtschreibung beim Tippen prüfen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Automatic: the language each document is written in, as far as it can be told from its text.</source>
        <translation>Automatisch: die Sprache, in der das jeweilige Dokument geschrieben ist, soweit sie sich aus seinem Text erkennen lässt.</translation>
    </message>
    <message>
        <source>Dictionary:</source>
        <translation>Wörterbuch:</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed, so nothing is checked. Install Hunspell dictionaries, such as hunspell-en-us.</source>
        <translation>Es ist kein Rechtschreibwörterbuch installiert, daher wird nichts geprüft. Installieren Sie Hunspell-Wörterbücher, etwa hunspell-de-de.</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Writing font:</source>
        <translation>Textschrift:</translation>
    </message>
    <message>
        <source>Code font:</source>
        <translation>Schrift für Code:</translation>
    </message>
    <message>
        <source>Prose (Markdown, plain text) is set in the writing font, source code in the code font.</source>
        <translation>Prosa (Markdown, reiner Text) erscheint in der Textschrift, Quelltext in der Schrift für Code.</translation>
    </message>
    <message>
        <source>Limit the line width of prose, centred</source>
        <translation>Zeilenbreite von Prosa begrenzen, zentriert</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>About 60 to 90 characters make lines that are easy to read</source>
        <translation>Zeilen mit etwa 60 bis 90 Zeichen lesen sich leicht</translation>
    </message>
    <message>
        <source>Line width:</source>
        <translation>Zeilenbreite:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Suggest while typing</source>
        <translation>Beim Tippen vorschlagen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long typing must pause before a suggestion is requested. Fast typists get a little more.</source>
        <translation>Wie lange das Tippen pausieren muss, bevor ein Vorschlag angefordert wird. Wer schnell tippt, bekommt etwas mehr Zeit.</translation>
    </message>
    <message>
        <source>Pause before suggesting:</source>
        <translation>Pause vor einem Vorschlag:</translation>
    </message>
    <message>
        <source>Time limit per suggestion:</source>
        <translation>Zeitlimit pro Vorschlag:</translation>
    </message>
    <message>
        <source>Maximum tokens, word mode:</source>
        <translation>Höchstzahl an Tokens, Wortmodus:</translation>
    </message>
    <message>
        <source>Maximum tokens, sentence mode:</source>
        <translation>Höchstzahl an Tokens, Satzmodus:</translation>
    </message>
    <message>
        <source>Maximum tokens, paragraph mode:</source>
        <translation>Höchstzahl an Tokens, Absatzmodus:</translation>
    </message>
    <message>
        <source>Maximum tokens, code mode:</source>
        <translation>Höchstzahl an Tokens, Codemodus:</translation>
    </message>
    <message>
        <source>Always take the most likely token (greedy)</source>
        <translation>Immer das wahrscheinlichste Token nehmen (greedy)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>Wiederholungsstrafe:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>The embedded inkling-tiny model</source>
        <translation>Das eingebaute Modell inkling-tiny</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a GPT-2 model directory</source>
        <translation>GPT-2-Modellverzeichnis auswählen</translation>
    </message>
    <message>
        <source>Engine threads:</source>
        <translation>Engine-Threads:</translation>
    </message>
    <message>
        <source>Model directory:</source>
        <translation>Modellverzeichnis:</translation>
    </message>
    <message>
        <source>Accept the whole suggestion:</source>
        <translation>Ganzen Vorschlag annehmen:</translation>
    </message>
    <message>
        <source>Accept the next word:</source>
        <translation>Nächstes Wort annehmen:</translation>
    </message>
    <message>
        <source>Accept the next line or sentence:</source>
        <translation>Nächste Zeile oder nächsten Satz annehmen:</translation>
    </message>
    <message>
        <source>Dismiss the suggestion:</source>
        <translation>Vorschlag verwerfen:</translation>
    </message>
    <message>
        <source>Next alternative:</source>
        <translation>Nächste Alternative:</translation>
    </message>
    <message>
        <source>Previous alternative:</source>
        <translation>Vorherige Alternative:</translation>
    </message>
    <message>
        <source>Suggest now:</source>
        <translation>Jetzt vorschlagen:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>User interface language:</source>
        <translation>Sprache der Benutzeroberfläche:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Inkling.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start von Inkling verwendet.</translation>
    </message>
    <message>
        <source>After every keystroke</source>
        <translation>Nach jedem Tastendruck</translation>
    </message>
    <message>
        <source>Once a word is started</source>
        <translation>Sobald ein Wort begonnen ist</translation>
    </message>
    <message>
        <source>Whether to suggest right after a space or punctuation mark, or only after the first letter of a word</source>
        <translation>Ob direkt nach einem Leerzeichen oder Satzzeichen vorgeschlagen wird oder erst nach dem ersten Buchstaben eines Wortes</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>show every suggestion</source>
        <translation>jeden Vorschlag zeigen</translation>
    </message>
    <message>
        <source>Suggestions whose first word the model finds less likely than this are not shown: fewer suggestions, fewer wrong ones</source>
        <translation>Vorschläge, deren erstes Wort das Modell für unwahrscheinlicher hält, werden nicht gezeigt: weniger Vorschläge, weniger falsche</translation>
    </message>
    <message>
        <source>Draw less likely suggestions fainter</source>
        <translation>Unwahrscheinlichere Vorschläge blasser darstellen</translation>
    </message>
    <message>
        <source>Prepare the next suggestion while one is shown</source>
        <translation>Nächsten Vorschlag vorbereiten, während einer angezeigt wird</translation>
    </message>
    <message>
        <source>Quiet in these file types:</source>
        <translation>Still in diesen Dateitypen:</translation>
    </message>
    <message>
        <source>Typing in a file of a checked type asks for no suggestions; Ctrl+Space still does</source>
        <translation>Tippen in einer Datei eines angekreuzten Typs fragt nach keinen Vorschlägen; Strg+Leertaste weiterhin schon</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Filter file types</source>
        <translation>Dateitypen filtern</translation>
    </message>
    <message>
        <source>While a suggestion is shown and the model is idle, compute what would follow it, so that accepting it shows the next one at once</source>
        <translation>Während ein Vorschlag angezeigt wird und das Modell nichts zu tun hat, berechnen, was darauf folgen würde, damit nach dem Übernehmen sofort der nächste erscheint</translation>
    </message>
    <message>
        <source>Suggest:</source>
        <translation>Vorschlagen:</translation>
    </message>
    <message>
        <source>Minimum confidence:</source>
        <translation>Mindestkonfidenz:</translation>
    </message>
    <message>
        <source>Automatic (fastest available)</source>
        <translation>Automatisch (das schnellste verfügbare)</translation>
    </message>
    <message>
        <source>f32 (reference)</source>
        <translation>f32 (Referenz)</translation>
    </message>
    <message>
        <source>bf16 (half the memory)</source>
        <translation>bf16 (halber Speicher)</translation>
    </message>
    <message>
        <source>s8 (a quarter of the memory)</source>
        <translation>s8 (ein Viertel des Speichers)</translation>
    </message>
    <message>
        <source>How the model&apos;s weights are held. A format this processor has no fast kernel for falls back to the next one; the status bar shows the one in use.</source>
        <translation>Wie die Gewichte des Modells gehalten werden. Ein Format, für das dieser Prozessor keinen schnellen Kernel hat, weicht auf das nächste aus; die Statusleiste zeigt das verwendete.</translation>
    </message>
    <message>
        <source>Weight precision:</source>
        <translation>Gewichtsgenauigkeit:</translation>
    </message>
    <message>
        <source>Let the built-in model draft for a larger one</source>
        <translation>Das eingebaute Modell für ein größeres vorausschreiben lassen</translation>
    </message>
    <message>
        <source>Speculative decoding: the small built-in model guesses a few words ahead and the larger model checks them all at once. The suggestions stay exactly the same, only sooner. Used only where it pays: for a model at f32 weights at least four times the built-in one&apos;s size.</source>
        <translation>Spekulatives Dekodieren: Das kleine eingebaute Modell rät einige Wörter voraus, und das größere Modell prüft sie alle auf einmal. Die Vorschläge bleiben genau dieselben, kommen nur früher. Nur wo es sich lohnt: für ein Modell mit f32-Gewichten, mindestens viermal so groß wie das eingebaute.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Ask a server for suggestions</source>
        <translation>Vorschläge von einem Server holen</translation>
    </message>
    <message>
        <source>An OpenAI-compatible completions server (llama-server, vLLM, Ollama); /v1/completions is added.</source>
        <translation>Ein OpenAI-kompatibler Completions-Server (llama-server, vLLM, Ollama); /v1/completions wird angehängt.</translation>
    </message>
    <message>
        <source>The server&apos;s only model</source>
        <translation>Das einzige Modell des Servers</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Kept in a file only you can read, never in the settings.</source>
        <translation>Wird in einer Datei gespeichert, die nur Sie lesen können, nie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>Modellname:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>The text before the cursor and your notes are sent to this server while you write. The built-in model answers when the server cannot.</source>
        <translation>Während Sie schreiben, werden der Text vor dem Cursor und Ihre Notizen an diesen Server geschickt. Kann der Server nicht antworten, antwortet das eingebaute Modell.</translation>
    </message>
</context>
<context>
    <name>inkling::SuggestionStatus</name>
    <message>
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Absatz</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Generating a suggestion</source>
        <translation>Vorschlag wird erzeugt</translation>
    </message>
    <message>
        <source>Time from your last keystroke to the first suggested character</source>
        <translation>Zeit von Ihrem letzten Tastendruck bis zum ersten vorgeschlagenen Zeichen</translation>
    </message>
    <message>
        <source>Generation speed of the last suggestion</source>
        <translation>Erzeugungsgeschwindigkeit des letzten Vorschlags</translation>
    </message>
    <message>
        <source>This session: suggestions shown %1, characters accepted %2 (%3 per suggestion shown)</source>
        <translation>In dieser Sitzung: %1 Vorschläge angezeigt, %2 Zeichen übernommen (%3 je angezeigtem Vorschlag)</translation>
    </message>
    <message>
        <source>Kept 20 keystrokes later: %1 % of the accepted characters</source>
        <translation>20 Tastendrücke später noch vorhanden: %1 % der übernommenen Zeichen</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>No model: suggestions off</source>
        <translation>Kein Modell: Vorschläge aus</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>Modell wird geladen… %1 %</translation>
    </message>
    <message>
        <source>Saved %1 keys (%2 in all)</source>
        <translation>%1 Tasten gespart (%2 insgesamt)</translation>
    </message>
    <message>
        <source>Keystrokes that accepted suggestions saved you: the characters they inserted minus the keys pressed to accept them, in this session and since you started using Inkling</source>
        <translation>Tastendrücke, die Ihnen angenommene Vorschläge erspart haben: die eingefügten Zeichen abzüglich der zum Annehmen gedrückten Tasten, in dieser Sitzung und seit Sie Inkling verwenden</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Eingebautes Modell</translation>
    </message>
    <message>
        <source>The built-in model answered: the server could not.</source>
        <translation>Das eingebaute Modell hat geantwortet: Der Server konnte nicht.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Suggestions come from the server at %1.</source>
        <translation>Die Vorschläge kommen vom Server %1.</translation>
    </message>
</context>
<context>
    <name>inkling::ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Follow the Desktop (Light or Dark)</source>
        <translation>Dem &amp;Desktop folgen (hell oder dunkel)</translation>
    </message>
</context>
<context>
    <name>inkling::WritingCommands</name>
    <message>
        <source>&amp;Continue Paragraph</source>
        <translation>Absatz &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Summarize Selection</source>
        <translation>Auswahl &amp;zusammenfassen</translation>
    </message>
    <message>
        <source>&amp;Ask About Selection…</source>
        <translation>Frage zur &amp;Auswahl…</translation>
    </message>
    <message>
        <source>&amp;Go to Writing Panel</source>
        <translation>Zum Schreibbereich &amp;wechseln</translation>
    </message>
    <message>
        <source>Continue the text before the cursor to the end of its paragraph</source>
        <translation>Den Text vor dem Cursor bis zum Ende seines Absatzes fortsetzen</translation>
    </message>
    <message>
        <source>Summarize the selected text (the GPT-2 paper&apos;s &quot;TL;DR:&quot; prompt)</source>
        <translation>Den ausgewählten Text zusammenfassen (mit dem Prompt „TL;DR:“ aus dem GPT-2-Paper)</translation>
    </message>
    <message>
        <source>Answer a question about the selected text</source>
        <translation>Eine Frage zum ausgewählten Text beantworten</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the writing panel (Esc returns)</source>
        <translation>Den Tastaturfokus in den Schreibbereich verschieben (Esc kehrt zurück)</translation>
    </message>
    <message>
        <source>Writing &amp;Panel</source>
        <translation>Schreib&amp;bereich</translation>
    </message>
    <message>
        <source>Continue Paragraph</source>
        <translation>Absatz fortsetzen</translation>
    </message>
    <message>
        <source>Summarize Selection</source>
        <translation>Auswahl zusammenfassen</translation>
    </message>
    <message>
        <source>Ask About Selection</source>
        <translation>Frage zur Auswahl</translation>
    </message>
    <message>
        <source>Q: %1</source>
        <translation>Q: %1</translation>
    </message>
    <message>
        <source>Question about the selected text:</source>
        <translation>Frage zum ausgewählten Text:</translation>
    </message>
</context>
<context>
    <name>inkling::WritingPanel</name>
    <message>
        <source>Writing Commands</source>
        <translation>Schreibbefehle</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Choose a command from the Tools menu.</source>
        <translation>Wählen Sie einen Befehl aus dem Menü „Werkzeuge“.</translation>
    </message>
    <message>
        <source>Insert the text into the document (one undo step)</source>
        <translation>Den Text in das Dokument einfügen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>Copy the text to the clipboard</source>
        <translation>Den Text in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Stop generating (Esc)</source>
        <translation>Erzeugung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt…</translation>
    </message>
    <message>
        <source>The model had nothing to add.</source>
        <translation>Das Modell hatte nichts hinzuzufügen.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Write the text of the document as UTF-8 to &lt;file&gt; once the window is shown, and quit.</source>
        <translation>Den Text des Dokuments als UTF-8 nach &lt;file&gt; schreiben, sobald das Fenster angezeigt wird, und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>Kein Vorschlag: %1</translation>
    </message>
    <message>
        <source>the model suggested nothing.</source>
        <translation>das Modell hat nichts vorgeschlagen.</translation>
    </message>
    <message>
        <source>withheld at a confidence of %1 %.</source>
        <translation>bei einer Zuversicht von %1 % zurückgehalten.</translation>
    </message>
    <message>
        <source>No suggestion arrived in time.</source>
        <translation>Es kam rechtzeitig kein Vorschlag.</translation>
    </message>
    <message>
        <source>A text editor with local GPT-2 writing suggestions.</source>
        <translation>Ein Texteditor mit lokalen Schreibvorschlägen von GPT-2.</translation>
    </message>
    <message>
        <source>Save an image of the window as PNG to &lt;png&gt; and quit.</source>
        <translation>Ein Bild des Fensters als PNG in &lt;png&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>png</source>
        <translation>png</translation>
    </message>
    <message>
        <source>Ask for a suggestion at the end of the document as soon as the model is loaded (with --screenshot: capture it once it has finished).</source>
        <translation>Sobald das Modell geladen ist, einen Vorschlag am Ende des Dokuments anfordern (mit --screenshot: das Bildschirmfoto aufnehmen, sobald der Vorschlag fertig ist).</translation>
    </message>
    <message>
        <source>The files to open, each in a tab.</source>
        <translation>Die zu öffnenden Dateien, jede in einem eigenen Tab.</translation>
    </message>
</context>
<context>
    <name>inkling::GoToLine</name>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1), optionally followed by :column:</source>
        <translation>Zeile (1–%1), optional gefolgt von :Spalte:</translation>
    </message>
</context>
<context>
    <name>inkling::NotesPanel</name>
    <message>
        <source>Document Notes</source>
        <translation>Dokumentnotizen</translation>
    </message>
    <message>
        <source>Names, terms and style for this document. Suggestions read them before its text; they are not part of the file.</source>
        <translation>Namen, Begriffe und Stil für dieses Dokument. Vorschläge lesen sie vor seinem Text; sie gehören nicht zur Datei.</translation>
    </message>
    <message>
        <source>e.g. Characters: Zebulon Quackenbush, an old sailor</source>
        <translation>z. B. Figuren: Zebulon Quackenbush, ein alter Seemann</translation>
    </message>
</context>
<context>
    <name>inkling::Editor</name>
    <message>
        <source>Spell checking is off: there is no dictionary for %1.</source>
        <translation>Rechtschreibprüfung ist aus: Für %1 gibt es kein Wörterbuch.</translation>
    </message>
    <message>
        <source>Spell checking is off: no dictionary is installed.</source>
        <translation>Rechtschreibprüfung ist aus: Es ist kein Wörterbuch installiert.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>Zum Wörterbuch hinzufügen</translation>
    </message>
</context>
<context>
    <name>ServerCompletionSource</name>
    <message>
        <source>The server sent an answer Inkling cannot read.</source>
        <translation>Der Server hat eine Antwort geschickt, die Inkling nicht lesen kann.</translation>
    </message>
    <message>
        <source>The server reported an error: %1</source>
        <translation>Der Server meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>Der Server hat mit Fehler %1 geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer broke off.</source>
        <translation>Die Antwort des Servers ist abgebrochen.</translation>
    </message>
    <message>
        <source>No server is set up.</source>
        <translation>Es ist kein Server eingerichtet.</translation>
    </message>
</context>
</TS>

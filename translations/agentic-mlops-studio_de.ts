<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>GraphNodeItem</name>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
    </context>
    <context>
        <name>LlmUsageLine</name>
        <message>
            <source>%1 (local model)</source>
            <translation>%1 (lokales Modell)</translation>
        </message>
        <message>
            <source>unknown price (at least %1)</source>
            <translation>Preis unbekannt (mindestens %1)</translation>
        </message>
        <message>
            <source>unknown price</source>
            <translation>Preis unbekannt</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>LLM: offline, no LLM calls; the knowledge base answered everything.</source>
            <translation>LLM: offline, keine LLM-Aufrufe; die Wissensbasis hat alles beantwortet.</translation>
        </message>
        <message>
            <source>LLM: %1 configured, no calls needed; the knowledge base answered everything.</source>
            <translation>LLM: %1 konfiguriert, keine Aufrufe nötig; die Wissensbasis hat alles beantwortet.</translation>
        </message>
        <message>
            <source>LLM (%1) — requests: %2 (%3 over HTTP) · cache hits: %4 (%5%) · tokens: %6 in / %7 out · cost: %8</source>
            <translation>LLM (%1) — Anfragen: %2 (%3 über HTTP) · Cache-Treffer: %4 (%5 %) · Tokens: %6 ein / %7 aus · Kosten: %8</translation>
        </message>
        <message>
            <source>LLM — requests: %1 · tokens: %2 in / %3 out · %4</source>
            <translation>LLM — Anfragen: %1 · Tokens: %2 ein / %3 aus · %4</translation>
        </message>
        <message>
            <source>%1 (%2 %3): requests %4, cache hits %5, tokens %6 in / %7 out, %8</source>
            <translation>%1 (%2 %3): Anfragen %4, Cache-Treffer %5, Tokens %6 ein / %7 aus, %8</translation>
        </message>
    </context>
    <context>
        <name>NodeActivity</name>
        <message>
            <source>pending</source>
            <translation>ausstehend</translation>
        </message>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>done</source>
            <translation>fertig</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>waiting for a human</source>
            <translation>wartet auf einen Menschen</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Agentic MLOps Studio</source>
            <translation>Agentic MLOps Studio</translation>
        </message>
        <message>
            <source>The data folder cannot be opened:
%1</source>
            <translation>Der Datenordner kann nicht geöffnet werden:
%1</translation>
        </message>
    </context>
    <context>
        <name>SeverityStyle</name>
        <message>
            <source>blocking</source>
            <translation>blockierend</translation>
        </message>
        <message>
            <source>critical</source>
            <translation>kritisch</translation>
        </message>
        <message>
            <source>high</source>
            <translation>hoch</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>low</source>
            <translation>niedrig</translation>
        </message>
        <message>
            <source>info</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>Warnung</translation>
        </message>
    </context>
    <context>
        <name>mlops::CommitHistoryView</name>
        <message>
            <source>Reading the history…</source>
            <translation>Verlauf wird gelesen…</translation>
        </message>
        <message numerus="yes">
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n Version</numerusform>
                <numerusform>%n Versionen</numerusform>
            </translation>
        </message>
        <message>
            <source>No history: %1</source>
            <translation>Kein Verlauf: %1</translation>
        </message>
        <message>
            <source>The diff could not be computed: %1</source>
            <translation>Der Vergleich konnte nicht berechnet werden: %1</translation>
        </message>
        <message>
            <source>The two versions are identical.</source>
            <translation>Die beiden Versionen sind identisch.</translation>
        </message>
        <message>
            <source>%1 → %2: %3 line(s) added, %4 removed</source>
            <translation>%1 → %2: %3 Zeile(n) hinzugefügt, %4 entfernt</translation>
        </message>
        <message>
            <source>Commit</source>
            <translation>Commit</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Von:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Bis:</translation>
        </message>
        <message>
            <source>No repository yet.</source>
            <translation>Noch kein Repository.</translation>
        </message>
    </context>
    <context>
        <name>mlops::CostBarChart</name>
        <message>
            <source>No cost estimate yet</source>
            <translation>Noch keine Kostenschätzung</translation>
        </message>
    </context>
    <context>
        <name>mlops::CostBreakdownView</name>
        <message>
            <source>Component</source>
            <translation>Komponente</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Dienst</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Menge</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Stückpreis</translation>
        </message>
        <message>
            <source>Per month</source>
            <translation>Pro Monat</translation>
        </message>
        <message>
            <source>No cost estimate yet: it appears once the cost critic has run.</source>
            <translation>Noch keine Kostenschätzung: Sie erscheint, sobald der Kostenkritiker gelaufen ist.</translation>
        </message>
        <message>
            <source>Estimated total: %1 %2 per month</source>
            <translation>Geschätzte Summe: %1 %2 pro Monat</translation>
        </message>
        <message>
            <source>within the budget of %1 %2</source>
            <translation>innerhalb des Budgets von %1 %2</translation>
        </message>
        <message>
            <source>over the budget of %1 %2</source>
            <translation>über dem Budget von %1 %2</translation>
        </message>
        <message>
            <source>possible savings: %1 %2</source>
            <translation>mögliche Einsparungen: %1 %2</translation>
        </message>
        <message>
            <source>Prices: %1 (as of %2)</source>
            <translation>Preise: %1 (Stand %2)</translation>
        </message>
    </context>
    <context>
        <name>mlops::FileViewer</name>
        <message>
            <source>%1 is too large to show here.</source>
            <translation>%1 ist zu groß, um hier angezeigt zu werden.</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>%1 is a binary file.</source>
            <translation>%1 ist eine Binärdatei.</translation>
        </message>
        <message>
            <source>Rendered</source>
            <translation>Formatiert</translation>
        </message>
        <message>
            <source>Show Markdown rendered or as source</source>
            <translation>Markdown formatiert oder als Quelltext zeigen</translation>
        </message>
        <message>
            <source>Select a file in the tree.</source>
            <translation>Wählen Sie eine Datei im Baum.</translation>
        </message>
        <message numerus="yes">
            <source>%1 — %n line(s) with validation findings</source>
            <translation>
                <numerusform>%1 — %n Zeile mit Prüfbefunden</numerusform>
                <numerusform>%1 — %n Zeilen mit Prüfbefunden</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mlops::FindingsList</name>
        <message>
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Komponente</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Befund</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Empfehlung</translation>
        </message>
        <message>
            <source>Show reason card</source>
            <translation>Begründungskarte zeigen</translation>
        </message>
        <message>
            <source>Open the reason card of the agent that produced the selected finding</source>
            <translation>Die Begründungskarte des Agenten öffnen, der den gewählten Befund erzeugt hat</translation>
        </message>
        <message numerus="yes">
            <source>Critic findings (%n)</source>
            <translation>
                <numerusform>Befunde der Kritiker (%n)</numerusform>
                <numerusform>Befunde der Kritiker (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Policy results: %1 of %2 rules pass</source>
            <translation>Richtlinienergebnisse: %1 von %2 Regeln erfüllt</translation>
        </message>
        <message>
            <source>Cost critic</source>
            <translation>Kostenkritiker</translation>
        </message>
        <message>
            <source>Technical critic</source>
            <translation>Technischer Kritiker</translation>
        </message>
        <message>
            <source>passed (%1)</source>
            <translation>erfüllt (%1)</translation>
        </message>
        <message>
            <source>failed (%1)</source>
            <translation>verletzt (%1)</translation>
        </message>
    </context>
    <context>
        <name>mlops::MainWindow</name>
        <message>
            <source>Agentic MLOps Studio</source>
            <translation>Agentic MLOps Studio</translation>
        </message>
        <message>
            <source>&amp;New project</source>
            <translation>&amp;Neues Projekt</translation>
        </message>
        <message>
            <source>Start a new project</source>
            <translation>Ein neues Projekt beginnen</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Ausführen</translation>
        </message>
        <message>
            <source>Run the agents on the requirement</source>
            <translation>Die Agenten auf die Anforderung ansetzen</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pausieren</translation>
        </message>
        <message>
            <source>Pause after the current node</source>
            <translation>Nach dem aktuellen Knoten pausieren</translation>
        </message>
        <message>
            <source>Res&amp;ume</source>
            <translation>&amp;Fortsetzen</translation>
        </message>
        <message>
            <source>Resume the paused run</source>
            <translation>Den pausierten Lauf fortsetzen</translation>
        </message>
        <message>
            <source>&amp;Cancel run</source>
            <translation>Lauf a&amp;bbrechen</translation>
        </message>
        <message>
            <source>Cancel the run</source>
            <translation>Den Lauf abbrechen</translation>
        </message>
        <message>
            <source>&amp;Fork…</source>
            <translation>Ab&amp;zweigen…</translation>
        </message>
        <message>
            <source>Start a new version from a checkpoint</source>
            <translation>Eine neue Version ab einem Checkpoint beginnen</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>Antworten &amp;senden</translation>
        </message>
        <message>
            <source>Send the answers to the open questions</source>
            <translation>Die Antworten auf die offenen Fragen senden</translation>
        </message>
        <message>
            <source>Accept &amp;defaults</source>
            <translation>&amp;Vorgaben übernehmen</translation>
        </message>
        <message>
            <source>Take every suggested default now</source>
            <translation>Alle vorgeschlagenen Vorgaben jetzt übernehmen</translation>
        </message>
        <message>
            <source>Find in &amp;cards</source>
            <translation>In &amp;Karten suchen</translation>
        </message>
        <message>
            <source>Search the reason cards</source>
            <translation>Die Begründungskarten durchsuchen</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Run controls</source>
            <translation>Laufsteuerung</translation>
        </message>
        <message>
            <source>Untitled project</source>
            <translation>Unbenanntes Projekt</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>Projektname</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Confident defaults are approved automatically after this time</source>
            <translation>Sichere Vorgaben werden nach dieser Zeit automatisch übernommen</translation>
        </message>
        <message>
            <source>Project:</source>
            <translation>Projekt:</translation>
        </message>
        <message>
            <source>Auto-approve after:</source>
            <translation>Automatisch übernehmen nach:</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Projekte</translation>
        </message>
        <message>
            <source>Reason cards</source>
            <translation>Begründungskarten</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Fragen</translation>
        </message>
        <message>
            <source>Could not store a change: %1</source>
            <translation>Eine Änderung konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>The run failed: %1</source>
            <translation>Der Lauf ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Describe the system first: the requirement is empty.</source>
            <translation>Beschreiben Sie zuerst das System: Die Anforderung ist leer.</translation>
        </message>
        <message>
            <source>Run queued</source>
            <translation>Lauf eingereiht</translation>
        </message>
        <message>
            <source>Fork</source>
            <translation>Abzweigen</translation>
        </message>
        <message>
            <source>This run has no checkpoint yet.</source>
            <translation>Dieser Lauf hat noch keinen Checkpoint.</translation>
        </message>
        <message>
            <source>Could not fork: %1</source>
            <translation>Abzweigen nicht möglich: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::OutcomeView</name>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Repository</source>
            <translation>Repository</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>Select a decision set to see its outcome.</source>
            <translation>Wählen Sie einen Entscheidungssatz, um sein Ergebnis zu sehen.</translation>
        </message>
        <message>
            <source>Decision set %1, version %2 (%3)</source>
            <translation>Entscheidungssatz %1, Version %2 (%3)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
    </context>
    <context>
        <name>mlops::PlanView</name>
        <message>
            <source>No architecture yet: the diagram appears once the planner has run.</source>
            <translation>Noch keine Architektur: Das Diagramm erscheint, sobald der Planer gelaufen ist.</translation>
        </message>
        <message>
            <source>The diagram could not be drawn: %1</source>
            <translation>Das Diagramm konnte nicht gezeichnet werden: %1</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <source>Findings and policies</source>
            <translation>Befunde und Richtlinien</translation>
        </message>
        <message>
            <source>No plan yet.</source>
            <translation>Noch kein Plan.</translation>
        </message>
        <message>
            <source>Pattern: %1 (score %2) on %3 %4</source>
            <translation>Muster: %1 (Bewertung %2) auf %3 %4</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Alternatives considered: %1</source>
            <translation>Erwogene Alternativen: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::ReportView</name>
        <message>
            <source>There is no report to export.</source>
            <translation>Es gibt keinen Bericht zum Exportieren.</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>%1 kann nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>Export report as HTML</source>
            <translation>Bericht als HTML exportieren</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Bericht exportieren</translation>
        </message>
        <message>
            <source>Export report as PDF</source>
            <translation>Bericht als PDF exportieren</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be written to %1.</source>
            <translation>Das PDF konnte nicht nach %1 geschrieben werden.</translation>
        </message>
        <message>
            <source>Export HTML…</source>
            <translation>HTML exportieren…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>PDF exportieren…</translation>
        </message>
        <message>
            <source>No report yet: the architecture report appears here once the run has generated the repository.</source>
            <translation>Noch kein Bericht: Der Architekturbericht erscheint hier, sobald der Lauf das Repository erzeugt hat.</translation>
        </message>
    </context>
    <context>
        <name>mlops::RepositoryView</name>
        <message>
            <source>There is no repository to export.</source>
            <translation>Es gibt kein Repository zum Exportieren.</translation>
        </message>
        <message>
            <source>Clone the repository into an empty folder</source>
            <translation>Das Repository in einen leeren Ordner klonen</translation>
        </message>
        <message>
            <source>Export as zip archive</source>
            <translation>Als Zip-Archiv exportieren</translation>
        </message>
        <message>
            <source>Zip archives (*.zip)</source>
            <translation>Zip-Archive (*.zip)</translation>
        </message>
        <message>
            <source>Export as Git bundle</source>
            <translation>Als Git-Bundle exportieren</translation>
        </message>
        <message>
            <source>Git bundles (*.bundle)</source>
            <translation>Git-Bundles (*.bundle)</translation>
        </message>
        <message>
            <source>Export repository</source>
            <translation>Repository exportieren</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Clone to a folder…</source>
            <translation>In einen Ordner klonen…</translation>
        </message>
        <message>
            <source>Zip archive…</source>
            <translation>Zip-Archiv…</translation>
        </message>
        <message>
            <source>Git bundle…</source>
            <translation>Git-Bundle…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>History and diffs</source>
            <translation>Verlauf und Vergleiche</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Ort</translation>
        </message>
        <message>
            <source>Validation finding</source>
            <translation>Prüfbefund</translation>
        </message>
        <message>
            <source>Validator</source>
            <translation>Prüfer</translation>
        </message>
        <message>
            <source>No repository yet: it appears once the run has generated it.</source>
            <translation>Noch kein Repository: Es erscheint, sobald der Lauf es erzeugt hat.</translation>
        </message>
        <message>
            <source>%1 — validation: %2 error(s), %3 warning(s)</source>
            <translation>%1 — Prüfung: %2 Fehler, %3 Warnung(en)</translation>
        </message>
    </context>
    <context>
        <name>mlops::SettingsAction</name>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Language model, auto-approval, data folder and language</source>
            <translation>Sprachmodell, automatische Übernahme, Datenordner und Sprache</translation>
        </message>
    </context>
    <context>
        <name>mlops::SettingsDialog</name>
        <message>
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Language model</source>
            <translation>Sprachmodell</translation>
        </message>
        <message>
            <source>Auto-approval of questions</source>
            <translation>Automatische Übernahme von Antworten</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>&amp;Provider:</source>
            <translation>&amp;Anbieter:</translation>
        </message>
        <message>
            <source>None (offline rules only)</source>
            <translation>Keiner (nur Offline-Regeln)</translation>
        </message>
        <message>
            <source>OpenAI-compatible (OpenAI, Ollama, vLLM, llama.cpp)</source>
            <translation>OpenAI-kompatibel (OpenAI, Ollama, vLLM, llama.cpp)</translation>
        </message>
        <message>
            <source>Anthropic</source>
            <translation>Anthropic</translation>
        </message>
        <message>
            <source>Base &amp;URL:</source>
            <translation>Basis-&amp;URL:</translation>
        </message>
        <message>
            <source>empty: the provider's public endpoint, e.g. http://localhost:11434 for Ollama</source>
            <translation>leer: der öffentliche Endpunkt des Anbieters, z. B. http://localhost:11434 für Ollama</translation>
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation>&amp;Modell:</translation>
        </message>
        <message>
            <source>API &amp;key:</source>
            <translation>API-&amp;Schlüssel:</translation>
        </message>
        <message>
            <source>stored in your settings only; environment variables take precedence</source>
            <translation>nur in Ihren Einstellungen gespeichert; Umgebungsvariablen haben Vorrang</translation>
        </message>
        <message>
            <source>&amp;Timeout:</source>
            <translation>&amp;Wartezeit:</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Questions left unanswered this long take their smart defaults</source>
            <translation>Fragen, die so lange unbeantwortet bleiben, erhalten ihre vorgeschlagenen Vorgaben</translation>
        </message>
        <message>
            <source>Confidence &amp;threshold:</source>
            <translation>Konfidenz&amp;schwelle:</translation>
        </message>
        <message>
            <source>Only defaults at least this confident are approved automatically</source>
            <translation>Nur Vorgaben mit mindestens dieser Konfidenz werden automatisch übernommen</translation>
        </message>
        <message>
            <source>Also auto-approve &amp;critical decisions</source>
            <translation>Auch &amp;kritische Entscheidungen automatisch übernehmen</translation>
        </message>
        <message>
            <source>&amp;Data folder:</source>
            <translation>&amp;Datenordner:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen…</translation>
        </message>
        <message>
            <source>A new data folder is used from the next start (now: %1).</source>
            <translation>Ein neuer Datenordner gilt ab dem nächsten Start (jetzt: %1).</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::AgentGraphView</name>
        <message>
            <source>Agent graph</source>
            <translation>Agentengraph</translation>
        </message>
        <message>
            <source>parallel: %1</source>
            <translation>parallel: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::ForkDialog</name>
        <message>
            <source>Use the edited requirement text as the prompt</source>
            <translation>Den bearbeiteten Anforderungstext als Prompt verwenden</translation>
        </message>
        <message>
            <source>Fork from a checkpoint</source>
            <translation>Ab einem Checkpoint abzweigen</translation>
        </message>
        <message>
            <source>Checkpoints</source>
            <translation>Checkpoints</translation>
        </message>
        <message>
            <source>Step %1 · after %2 · next: %3</source>
            <translation>Schritt %1 · nach %2 · als Nächstes: %3</translation>
        </message>
        <message>
            <source>end</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Frage</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Antwort</translation>
        </message>
        <message>
            <source>Edited answers or prompt restart the analysis from the requirement; without edits the fork continues where the checkpoint left off.</source>
            <translation>Geänderte Antworten oder ein geänderter Prompt starten die Analyse neu ab der Anforderung; ohne Änderungen setzt die Abzweigung dort fort, wo der Checkpoint stehen blieb.</translation>
        </message>
        <message>
            <source>&amp;Fork</source>
            <translation>&amp;Abzweigen</translation>
        </message>
        <message>
            <source>Checkpoint:</source>
            <translation>Checkpoint:</translation>
        </message>
        <message>
            <source>Answers at that point (edit to change them; the empty row adds one):</source>
            <translation>Antworten zu diesem Zeitpunkt (zum Ändern bearbeiten; die leere Zeile fügt eine hinzu):</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::HitlPanel</name>
        <message>
            <source>&amp;Submit answers</source>
            <translation>Antworten &amp;senden</translation>
        </message>
        <message>
            <source>Accept &amp;defaults</source>
            <translation>&amp;Vorgaben übernehmen</translation>
        </message>
        <message>
            <source>Send the answers (Ctrl+Shift+Return)</source>
            <translation>Die Antworten senden (Strg+Umschalt+Eingabe)</translation>
        </message>
        <message>
            <source>Take every suggested default now (Ctrl+Shift+D)</source>
            <translation>Alle vorgeschlagenen Vorgaben jetzt übernehmen (Strg+Umschalt+D)</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n question(s)&lt;/b&gt; at &lt;i&gt;%1&lt;/i&gt; — the run waits for you; the rest of the window stays usable.</source>
            <translation>
                <numerusform>&lt;b&gt;%n Frage&lt;/b&gt; bei &lt;i&gt;%1&lt;/i&gt; — der Lauf wartet auf Sie; der Rest des Fensters bleibt benutzbar.</numerusform>
                <numerusform>&lt;b&gt;%n Fragen&lt;/b&gt; bei &lt;i&gt;%1&lt;/i&gt; — der Lauf wartet auf Sie; der Rest des Fensters bleibt benutzbar.</numerusform>
            </translation>
        </message>
        <message>
            <source>No question is waiting. When the agents need a decision, it appears here.</source>
            <translation>Keine Frage wartet. Wenn die Agenten eine Entscheidung brauchen, erscheint sie hier.</translation>
        </message>
        <message>
            <source>Deadline passed — the run waits for your answers.</source>
            <translation>Frist abgelaufen — der Lauf wartet auf Ihre Antworten.</translation>
        </message>
        <message>
            <source>Deadline reached: approving the eligible defaults…</source>
            <translation>Frist erreicht: Die geeigneten Vorgaben werden übernommen…</translation>
        </message>
        <message>
            <source>Deadline in %1 — no default here qualifies for auto-approval: the run waits for your answers.</source>
            <translation>Frist in %1 — keine Vorgabe hier kommt für die automatische Übernahme in Frage: Der Lauf wartet auf Ihre Antworten.</translation>
        </message>
        <message numerus="yes">
            <source>Auto-approval of %n default(s) in %1</source>
            <translation>
                <numerusform>Automatische Übernahme von %n Vorgabe in %1</numerusform>
                <numerusform>Automatische Übernahme von %n Vorgaben in %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::NodeDetailsView</name>
        <message>
            <source>Click a node in the graph to see its reason cards, inputs, outputs and timings.</source>
            <translation>Klicken Sie einen Knoten im Graphen an, um seine Begründungskarten, Eingaben, Ausgaben und Zeiten zu sehen.</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <source>Last duration</source>
            <translation>Letzte Dauer</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>Total time</source>
            <translation>Gesamtzeit</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>No reason cards yet.</source>
            <translation>Noch keine Begründungskarten.</translation>
        </message>
        <message>
            <source>confidence %1%</source>
            <translation>Konfidenz %1 %</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Ausgaben</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::ProjectListModel</name>
        <message>
            <source>%1 — waiting for answers</source>
            <translation>%1 — wartet auf Antworten</translation>
        </message>
        <message numerus="yes">
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n Version</numerusform>
                <numerusform>%n Versionen</numerusform>
            </translation>
        </message>
        <message>
            <source>v%1 · %2</source>
            <translation>v%1 · %2</translation>
        </message>
        <message>
            <source> · fork of step %1</source>
            <translation> · Abzweigung von Schritt %1</translation>
        </message>
        <message>
            <source>Decision set %1, created %2</source>
            <translation>Entscheidungssatz %1, angelegt %2</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::QuestionForm</name>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>high priority</source>
            <translation>hohe Priorität</translation>
        </message>
        <message>
            <source>low priority</source>
            <translation>niedrige Priorität</translation>
        </message>
        <message>
            <source>medium priority</source>
            <translation>mittlere Priorität</translation>
        </message>
        <message>
            <source>Suggested: %1 · confidence %2% · %3</source>
            <translation>Vorschlag: %1 · Konfidenz %2 % · %3</translation>
        </message>
        <message>
            <source>Why: %1</source>
            <translation>Warum: %1</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
        <message>
            <source> · taken automatically at the deadline</source>
            <translation> · wird zur Frist automatisch übernommen</translation>
        </message>
        <message>
            <source>✓ Answered: %1</source>
            <translation>✓ Beantwortet: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::ReasonCardPanel</name>
        <message>
            <source>Reason cards</source>
            <translation>Begründungskarten</translation>
        </message>
        <message>
            <source>Select a card to see the full reasoning, alternatives and evidence.</source>
            <translation>Wählen Sie eine Karte, um die vollständige Begründung, Alternativen und Belege zu sehen.</translation>
        </message>
        <message>
            <source>Filter by agent</source>
            <translation>Nach Agent filtern</translation>
        </message>
        <message>
            <source>Filter by category</source>
            <translation>Nach Kategorie filtern</translation>
        </message>
        <message>
            <source>Filter by priority</source>
            <translation>Nach Priorität filtern</translation>
        </message>
        <message>
            <source>Any priority</source>
            <translation>Jede Priorität</translation>
        </message>
        <message>
            <source>high</source>
            <translation>hoch</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>low</source>
            <translation>niedrig</translation>
        </message>
        <message>
            <source>Search cards…</source>
            <translation>Karten durchsuchen…</translation>
        </message>
        <message>
            <source>All nodes</source>
            <translation>Alle Knoten</translation>
        </message>
        <message>
            <source>Show the cards of every node</source>
            <translation>Die Karten aller Knoten zeigen</translation>
        </message>
        <message>
            <source>node: %1</source>
            <translation>Knoten: %1</translation>
        </message>
        <message>
            <source>Any agent</source>
            <translation>Jeder Agent</translation>
        </message>
        <message>
            <source>Any category</source>
            <translation>Jede Kategorie</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 von %2</translation>
        </message>
        <message>
            <source>confidence %1%</source>
            <translation>Konfidenz %1 %</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>Alternatives considered</source>
            <translation>Erwogene Alternativen</translation>
        </message>
        <message>
            <source>Evidence in the requirement</source>
            <translation>Belege in der Anforderung</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Ausgaben</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::RequirementEditor</name>
        <message>
            <source>Describe the ML system you need: workload, data, latency, budget, cloud, compliance…</source>
            <translation>Beschreiben Sie das benötigte ML-System: Last, Daten, Latenz, Budget, Cloud, Compliance…</translation>
        </message>
        <message>
            <source>Requirement</source>
            <translation>Anforderung</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::RunStatusWidget</name>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n s</numerusform>
                <numerusform>%n s</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>No run selected</source>
            <translation>Kein Lauf ausgewählt</translation>
        </message>
        <message>
            <source>about %1 left</source>
            <translation>noch etwa %1</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Resumed</source>
            <translation>Fortgesetzt</translation>
        </message>
        <message>
            <source>Running %1…</source>
            <translation>%1 läuft…</translation>
        </message>
        <message>
            <source>Waiting for your answers at %1</source>
            <translation>Wartet bei %1 auf Ihre Antworten</translation>
        </message>
        <message>
            <source>Answers received</source>
            <translation>Antworten erhalten</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Pausiert</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>waiting for you</source>
            <translation>wartet auf Sie</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::StatusText</name>
        <message>
            <source>queued</source>
            <translation>eingereiht</translation>
        </message>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>waiting for answers</source>
            <translation>wartet auf Antworten</translation>
        </message>
        <message>
            <source>validating</source>
            <translation>wird geprüft</translation>
        </message>
        <message>
            <source>generating</source>
            <translation>wird erzeugt</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>pausiert</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <translation>%1 (local model)</translation>
        </message>
        <message>
            <source>unknown price (at least %1)</source>
            <translation>unknown price (at least %1)</translation>
        </message>
        <message>
            <source>unknown price</source>
            <translation>unknown price</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>LLM: offline, no LLM calls; the knowledge base answered everything.</source>
            <translation>LLM: offline, no LLM calls; the knowledge base answered everything.</translation>
        </message>
        <message>
            <source>LLM: %1 configured, no calls needed; the knowledge base answered everything.</source>
            <translation>LLM: %1 configured, no calls needed; the knowledge base answered everything.</translation>
        </message>
        <message>
            <source>LLM (%1) — requests: %2 (%3 over HTTP) · cache hits: %4 (%5%) · tokens: %6 in / %7 out · cost: %8</source>
            <translation>LLM (%1) — requests: %2 (%3 over HTTP) · cache hits: %4 (%5%) · tokens: %6 in / %7 out · cost: %8</translation>
        </message>
        <message>
            <source>LLM — requests: %1 · tokens: %2 in / %3 out · %4</source>
            <translation>LLM — requests: %1 · tokens: %2 in / %3 out · %4</translation>
        </message>
        <message>
            <source>%1 (%2 %3): requests %4, cache hits %5, tokens %6 in / %7 out, %8</source>
            <translation>%1 (%2 %3): requests %4, cache hits %5, tokens %6 in / %7 out, %8</translation>
        </message>
    </context>
    <context>
        <name>NodeActivity</name>
        <message>
            <source>pending</source>
            <translation>pending</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>waiting for a human</source>
            <translation>waiting for a human</translation>
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
            <translation>The data folder cannot be opened:
%1</translation>
        </message>
    </context>
    <context>
        <name>SeverityStyle</name>
        <message>
            <source>blocking</source>
            <translation>blocking</translation>
        </message>
        <message>
            <source>critical</source>
            <translation>critical</translation>
        </message>
        <message>
            <source>high</source>
            <translation>high</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>medium</translation>
        </message>
        <message>
            <source>low</source>
            <translation>low</translation>
        </message>
        <message>
            <source>info</source>
            <translation>info</translation>
        </message>
        <message>
            <source>error</source>
            <translation>error</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>warning</translation>
        </message>
    </context>
    <context>
        <name>mlops::CommitHistoryView</name>
        <message>
            <source>Reading the history…</source>
            <translation>Reading the history…</translation>
        </message>
        <message numerus="yes">
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n version(s)</numerusform>
                <numerusform>%n version(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>No history: %1</source>
            <translation>No history: %1</translation>
        </message>
        <message>
            <source>The diff could not be computed: %1</source>
            <translation>The diff could not be computed: %1</translation>
        </message>
        <message>
            <source>The two versions are identical.</source>
            <translation>The two versions are identical.</translation>
        </message>
        <message>
            <source>%1 → %2: %3 line(s) added, %4 removed</source>
            <translation>%1 → %2: %3 line(s) added, %4 removed</translation>
        </message>
        <message>
            <source>Commit</source>
            <translation>Commit</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>No repository yet.</source>
            <translation>No repository yet.</translation>
        </message>
    </context>
    <context>
        <name>mlops::CostBarChart</name>
        <message>
            <source>No cost estimate yet</source>
            <translation>No cost estimate yet</translation>
        </message>
    </context>
    <context>
        <name>mlops::CostBreakdownView</name>
        <message>
            <source>Component</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>Per month</source>
            <translation>Per month</translation>
        </message>
        <message>
            <source>No cost estimate yet: it appears once the cost critic has run.</source>
            <translation>No cost estimate yet: it appears once the cost critic has run.</translation>
        </message>
        <message>
            <source>Estimated total: %1 %2 per month</source>
            <translation>Estimated total: %1 %2 per month</translation>
        </message>
        <message>
            <source>within the budget of %1 %2</source>
            <translation>within the budget of %1 %2</translation>
        </message>
        <message>
            <source>over the budget of %1 %2</source>
            <translation>over the budget of %1 %2</translation>
        </message>
        <message>
            <source>possible savings: %1 %2</source>
            <translation>possible savings: %1 %2</translation>
        </message>
        <message>
            <source>Prices: %1 (as of %2)</source>
            <translation>Prices: %1 (as of %2)</translation>
        </message>
    </context>
    <context>
        <name>mlops::FileViewer</name>
        <message>
            <source>%1 is too large to show here.</source>
            <translation>%1 is too large to show here.</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>%1 cannot be read: %2</translation>
        </message>
        <message>
            <source>%1 is a binary file.</source>
            <translation>%1 is a binary file.</translation>
        </message>
        <message>
            <source>Rendered</source>
            <translation>Rendered</translation>
        </message>
        <message>
            <source>Show Markdown rendered or as source</source>
            <translation>Show Markdown rendered or as source</translation>
        </message>
        <message>
            <source>Select a file in the tree.</source>
            <translation>Select a file in the tree.</translation>
        </message>
        <message numerus="yes">
            <source>%1 — %n line(s) with validation findings</source>
            <translation>
                <numerusform>%1 — %n line(s) with validation findings</numerusform>
                <numerusform>%1 — %n line(s) with validation findings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mlops::FindingsList</name>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Finding</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recommendation</translation>
        </message>
        <message>
            <source>Show reason card</source>
            <translation>Show reason card</translation>
        </message>
        <message>
            <source>Open the reason card of the agent that produced the selected finding</source>
            <translation>Open the reason card of the agent that produced the selected finding</translation>
        </message>
        <message numerus="yes">
            <source>Critic findings (%n)</source>
            <translation>
                <numerusform>Critic findings (%n)</numerusform>
                <numerusform>Critic findings (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Policy results: %1 of %2 rules pass</source>
            <translation>Policy results: %1 of %2 rules pass</translation>
        </message>
        <message>
            <source>Cost critic</source>
            <translation>Cost critic</translation>
        </message>
        <message>
            <source>Technical critic</source>
            <translation>Technical critic</translation>
        </message>
        <message>
            <source>passed (%1)</source>
            <translation>passed (%1)</translation>
        </message>
        <message>
            <source>failed (%1)</source>
            <translation>failed (%1)</translation>
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
            <translation>&amp;New project</translation>
        </message>
        <message>
            <source>Start a new project</source>
            <translation>Start a new project</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Run</translation>
        </message>
        <message>
            <source>Run the agents on the requirement</source>
            <translation>Run the agents on the requirement</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>Pause after the current node</source>
            <translation>Pause after the current node</translation>
        </message>
        <message>
            <source>Res&amp;ume</source>
            <translation>Res&amp;ume</translation>
        </message>
        <message>
            <source>Resume the paused run</source>
            <translation>Resume the paused run</translation>
        </message>
        <message>
            <source>&amp;Cancel run</source>
            <translation>&amp;Cancel run</translation>
        </message>
        <message>
            <source>Cancel the run</source>
            <translation>Cancel the run</translation>
        </message>
        <message>
            <source>&amp;Fork…</source>
            <translation>&amp;Fork…</translation>
        </message>
        <message>
            <source>Start a new version from a checkpoint</source>
            <translation>Start a new version from a checkpoint</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>&amp;Submit answers</translation>
        </message>
        <message>
            <source>Send the answers to the open questions</source>
            <translation>Send the answers to the open questions</translation>
        </message>
        <message>
            <source>Accept &amp;defaults</source>
            <translation>Accept &amp;defaults</translation>
        </message>
        <message>
            <source>Take every suggested default now</source>
            <translation>Take every suggested default now</translation>
        </message>
        <message>
            <source>Find in &amp;cards</source>
            <translation>Find in &amp;cards</translation>
        </message>
        <message>
            <source>Search the reason cards</source>
            <translation>Search the reason cards</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Run controls</source>
            <translation>Run controls</translation>
        </message>
        <message>
            <source>Untitled project</source>
            <translation>Untitled project</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Confident defaults are approved automatically after this time</source>
            <translation>Confident defaults are approved automatically after this time</translation>
        </message>
        <message>
            <source>Project:</source>
            <translation>Project:</translation>
        </message>
        <message>
            <source>Auto-approve after:</source>
            <translation>Auto-approve after:</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Run</translation>
        </message>
        <message>
            <source>Projects</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>Reason cards</source>
            <translation>Reason cards</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Questions</translation>
        </message>
        <message>
            <source>Could not store a change: %1</source>
            <translation>Could not store a change: %1</translation>
        </message>
        <message>
            <source>The run failed: %1</source>
            <translation>The run failed: %1</translation>
        </message>
        <message>
            <source>Describe the system first: the requirement is empty.</source>
            <translation>Describe the system first: the requirement is empty.</translation>
        </message>
        <message>
            <source>Run queued</source>
            <translation>Run queued</translation>
        </message>
        <message>
            <source>Fork</source>
            <translation>Fork</translation>
        </message>
        <message>
            <source>This run has no checkpoint yet.</source>
            <translation>This run has no checkpoint yet.</translation>
        </message>
        <message>
            <source>Could not fork: %1</source>
            <translation>Could not fork: %1</translation>
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
            <translation>Report</translation>
        </message>
        <message>
            <source>Select a decision set to see its outcome.</source>
            <translation>Select a decision set to see its outcome.</translation>
        </message>
        <message>
            <source>Decision set %1, version %2 (%3)</source>
            <translation>Decision set %1, version %2 (%3)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
    </context>
    <context>
        <name>mlops::PlanView</name>
        <message>
            <source>No architecture yet: the diagram appears once the planner has run.</source>
            <translation>No architecture yet: the diagram appears once the planner has run.</translation>
        </message>
        <message>
            <source>The diagram could not be drawn: %1</source>
            <translation>The diagram could not be drawn: %1</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Cost</translation>
        </message>
        <message>
            <source>Findings and policies</source>
            <translation>Findings and policies</translation>
        </message>
        <message>
            <source>No plan yet.</source>
            <translation>No plan yet.</translation>
        </message>
        <message>
            <source>Pattern: %1 (score %2) on %3 %4</source>
            <translation>Pattern: %1 (score %2) on %3 %4</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Alternatives considered: %1</source>
            <translation>Alternatives considered: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::ReportView</name>
        <message>
            <source>There is no report to export.</source>
            <translation>There is no report to export.</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>Cannot write %1.</translation>
        </message>
        <message>
            <source>Export report as HTML</source>
            <translation>Export report as HTML</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML files (*.html)</translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Export report</translation>
        </message>
        <message>
            <source>Export report as PDF</source>
            <translation>Export report as PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be written to %1.</source>
            <translation>The PDF could not be written to %1.</translation>
        </message>
        <message>
            <source>Export HTML…</source>
            <translation>Export HTML…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>No report yet: the architecture report appears here once the run has generated the repository.</source>
            <translation>No report yet: the architecture report appears here once the run has generated the repository.</translation>
        </message>
    </context>
    <context>
        <name>mlops::RepositoryView</name>
        <message>
            <source>There is no repository to export.</source>
            <translation>There is no repository to export.</translation>
        </message>
        <message>
            <source>Clone the repository into an empty folder</source>
            <translation>Clone the repository into an empty folder</translation>
        </message>
        <message>
            <source>Export as zip archive</source>
            <translation>Export as zip archive</translation>
        </message>
        <message>
            <source>Zip archives (*.zip)</source>
            <translation>Zip archives (*.zip)</translation>
        </message>
        <message>
            <source>Export as Git bundle</source>
            <translation>Export as Git bundle</translation>
        </message>
        <message>
            <source>Git bundles (*.bundle)</source>
            <translation>Git bundles (*.bundle)</translation>
        </message>
        <message>
            <source>Export repository</source>
            <translation>Export repository</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Clone to a folder…</source>
            <translation>Clone to a folder…</translation>
        </message>
        <message>
            <source>Zip archive…</source>
            <translation>Zip archive…</translation>
        </message>
        <message>
            <source>Git bundle…</source>
            <translation>Git bundle…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>History and diffs</source>
            <translation>History and diffs</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Validation finding</source>
            <translation>Validation finding</translation>
        </message>
        <message>
            <source>Validator</source>
            <translation>Validator</translation>
        </message>
        <message>
            <source>No repository yet: it appears once the run has generated it.</source>
            <translation>No repository yet: it appears once the run has generated it.</translation>
        </message>
        <message>
            <source>%1 — validation: %2 error(s), %3 warning(s)</source>
            <translation>%1 — validation: %2 error(s), %3 warning(s)</translation>
        </message>
    </context>
    <context>
        <name>mlops::SettingsAction</name>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>Language model, auto-approval, data folder and language</source>
            <translation>Language model, auto-approval, data folder and language</translation>
        </message>
    </context>
    <context>
        <name>mlops::SettingsDialog</name>
        <message>
            <source>Data folder</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Language model</source>
            <translation>Language model</translation>
        </message>
        <message>
            <source>Auto-approval of questions</source>
            <translation>Auto-approval of questions</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>&amp;Provider:</source>
            <translation>&amp;Provider:</translation>
        </message>
        <message>
            <source>None (offline rules only)</source>
            <translation>None (offline rules only)</translation>
        </message>
        <message>
            <source>OpenAI-compatible (OpenAI, Ollama, vLLM, llama.cpp)</source>
            <translation>OpenAI-compatible (OpenAI, Ollama, vLLM, llama.cpp)</translation>
        </message>
        <message>
            <source>Anthropic</source>
            <translation>Anthropic</translation>
        </message>
        <message>
            <source>Base &amp;URL:</source>
            <translation>Base &amp;URL:</translation>
        </message>
        <message>
            <source>empty: the provider's public endpoint, e.g. http://localhost:11434 for Ollama</source>
            <translation>empty: the provider's public endpoint, e.g. http://localhost:11434 for Ollama</translation>
        </message>
        <message>
            <source>&amp;Model:</source>
            <translation>&amp;Model:</translation>
        </message>
        <message>
            <source>API &amp;key:</source>
            <translation>API &amp;key:</translation>
        </message>
        <message>
            <source>stored in your settings only; environment variables take precedence</source>
            <translation>stored in your settings only; environment variables take precedence</translation>
        </message>
        <message>
            <source>&amp;Timeout:</source>
            <translation>&amp;Timeout:</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Questions left unanswered this long take their smart defaults</source>
            <translation>Questions left unanswered this long take their smart defaults</translation>
        </message>
        <message>
            <source>Confidence &amp;threshold:</source>
            <translation>Confidence &amp;threshold:</translation>
        </message>
        <message>
            <source>Only defaults at least this confident are approved automatically</source>
            <translation>Only defaults at least this confident are approved automatically</translation>
        </message>
        <message>
            <source>Also auto-approve &amp;critical decisions</source>
            <translation>Also auto-approve &amp;critical decisions</translation>
        </message>
        <message>
            <source>&amp;Data folder:</source>
            <translation>&amp;Data folder:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>A new data folder is used from the next start (now: %1).</source>
            <translation>A new data folder is used from the next start (now: %1).</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::AgentGraphView</name>
        <message>
            <source>Agent graph</source>
            <translation>Agent graph</translation>
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
            <translation>Use the edited requirement text as the prompt</translation>
        </message>
        <message>
            <source>Fork from a checkpoint</source>
            <translation>Fork from a checkpoint</translation>
        </message>
        <message>
            <source>Checkpoints</source>
            <translation>Checkpoints</translation>
        </message>
        <message>
            <source>Step %1 · after %2 · next: %3</source>
            <translation>Step %1 · after %2 · next: %3</translation>
        </message>
        <message>
            <source>end</source>
            <translation>end</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Question</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Answer</translation>
        </message>
        <message>
            <source>Edited answers or prompt restart the analysis from the requirement; without edits the fork continues where the checkpoint left off.</source>
            <translation>Edited answers or prompt restart the analysis from the requirement; without edits the fork continues where the checkpoint left off.</translation>
        </message>
        <message>
            <source>&amp;Fork</source>
            <translation>&amp;Fork</translation>
        </message>
        <message>
            <source>Checkpoint:</source>
            <translation>Checkpoint:</translation>
        </message>
        <message>
            <source>Answers at that point (edit to change them; the empty row adds one):</source>
            <translation>Answers at that point (edit to change them; the empty row adds one):</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::HitlPanel</name>
        <message>
            <source>&amp;Submit answers</source>
            <translation>&amp;Submit answers</translation>
        </message>
        <message>
            <source>Accept &amp;defaults</source>
            <translation>Accept &amp;defaults</translation>
        </message>
        <message>
            <source>Send the answers (Ctrl+Shift+Return)</source>
            <translation>Send the answers (Ctrl+Shift+Return)</translation>
        </message>
        <message>
            <source>Take every suggested default now (Ctrl+Shift+D)</source>
            <translation>Take every suggested default now (Ctrl+Shift+D)</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n question(s)&lt;/b&gt; at &lt;i&gt;%1&lt;/i&gt; — the run waits for you; the rest of the window stays usable.</source>
            <translation>
                <numerusform>&lt;b&gt;%n question(s)&lt;/b&gt; at &lt;i&gt;%1&lt;/i&gt; — the run waits for you; the rest of the window stays usable.</numerusform>
                <numerusform>&lt;b&gt;%n question(s)&lt;/b&gt; at &lt;i&gt;%1&lt;/i&gt; — the run waits for you; the rest of the window stays usable.</numerusform>
            </translation>
        </message>
        <message>
            <source>No question is waiting. When the agents need a decision, it appears here.</source>
            <translation>No question is waiting. When the agents need a decision, it appears here.</translation>
        </message>
        <message>
            <source>Deadline passed — the run waits for your answers.</source>
            <translation>Deadline passed — the run waits for your answers.</translation>
        </message>
        <message>
            <source>Deadline reached: approving the eligible defaults…</source>
            <translation>Deadline reached: approving the eligible defaults…</translation>
        </message>
        <message>
            <source>Deadline in %1 — no default here qualifies for auto-approval: the run waits for your answers.</source>
            <translation>Deadline in %1 — no default here qualifies for auto-approval: the run waits for your answers.</translation>
        </message>
        <message numerus="yes">
            <source>Auto-approval of %n default(s) in %1</source>
            <translation>
                <numerusform>Auto-approval of %n default(s) in %1</numerusform>
                <numerusform>Auto-approval of %n default(s) in %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::NodeDetailsView</name>
        <message>
            <source>Click a node in the graph to see its reason cards, inputs, outputs and timings.</source>
            <translation>Click a node in the graph to see its reason cards, inputs, outputs and timings.</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Runs</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>Last duration</source>
            <translation>Last duration</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>Total time</source>
            <translation>Total time</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>No reason cards yet.</source>
            <translation>No reason cards yet.</translation>
        </message>
        <message>
            <source>confidence %1%</source>
            <translation>confidence %1%</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Inputs</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Outputs</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::ProjectListModel</name>
        <message>
            <source>%1 — waiting for answers</source>
            <translation>%1 — waiting for answers</translation>
        </message>
        <message numerus="yes">
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n version(s)</numerusform>
                <numerusform>%n version(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>v%1 · %2</source>
            <translation>v%1 · %2</translation>
        </message>
        <message>
            <source> · fork of step %1</source>
            <translation> · fork of step %1</translation>
        </message>
        <message>
            <source>Decision set %1, created %2</source>
            <translation>Decision set %1, created %2</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::QuestionForm</name>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>high priority</source>
            <translation>high priority</translation>
        </message>
        <message>
            <source>low priority</source>
            <translation>low priority</translation>
        </message>
        <message>
            <source>medium priority</source>
            <translation>medium priority</translation>
        </message>
        <message>
            <source>Suggested: %1 · confidence %2% · %3</source>
            <translation>Suggested: %1 · confidence %2% · %3</translation>
        </message>
        <message>
            <source>Why: %1</source>
            <translation>Why: %1</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>a number</translation>
        </message>
        <message>
            <source> · taken automatically at the deadline</source>
            <translation> · taken automatically at the deadline</translation>
        </message>
        <message>
            <source>✓ Answered: %1</source>
            <translation>✓ Answered: %1</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::ReasonCardPanel</name>
        <message>
            <source>Reason cards</source>
            <translation>Reason cards</translation>
        </message>
        <message>
            <source>Select a card to see the full reasoning, alternatives and evidence.</source>
            <translation>Select a card to see the full reasoning, alternatives and evidence.</translation>
        </message>
        <message>
            <source>Filter by agent</source>
            <translation>Filter by agent</translation>
        </message>
        <message>
            <source>Filter by category</source>
            <translation>Filter by category</translation>
        </message>
        <message>
            <source>Filter by priority</source>
            <translation>Filter by priority</translation>
        </message>
        <message>
            <source>Any priority</source>
            <translation>Any priority</translation>
        </message>
        <message>
            <source>high</source>
            <translation>high</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>medium</translation>
        </message>
        <message>
            <source>low</source>
            <translation>low</translation>
        </message>
        <message>
            <source>Search cards…</source>
            <translation>Search cards…</translation>
        </message>
        <message>
            <source>All nodes</source>
            <translation>All nodes</translation>
        </message>
        <message>
            <source>Show the cards of every node</source>
            <translation>Show the cards of every node</translation>
        </message>
        <message>
            <source>node: %1</source>
            <translation>node: %1</translation>
        </message>
        <message>
            <source>Any agent</source>
            <translation>Any agent</translation>
        </message>
        <message>
            <source>Any category</source>
            <translation>Any category</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>confidence %1%</source>
            <translation>confidence %1%</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>Alternatives considered</source>
            <translation>Alternatives considered</translation>
        </message>
        <message>
            <source>Evidence in the requirement</source>
            <translation>Evidence in the requirement</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Inputs</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Outputs</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::RequirementEditor</name>
        <message>
            <source>Describe the ML system you need: workload, data, latency, budget, cloud, compliance…</source>
            <translation>Describe the ML system you need: workload, data, latency, budget, cloud, compliance…</translation>
        </message>
        <message>
            <source>Requirement</source>
            <translation>Requirement</translation>
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
            <translation>No run selected</translation>
        </message>
        <message>
            <source>about %1 left</source>
            <translation>about %1 left</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Resumed</source>
            <translation>Resumed</translation>
        </message>
        <message>
            <source>Running %1…</source>
            <translation>Running %1…</translation>
        </message>
        <message>
            <source>Waiting for your answers at %1</source>
            <translation>Waiting for your answers at %1</translation>
        </message>
        <message>
            <source>Answers received</source>
            <translation>Answers received</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Failed: %1</translation>
        </message>
        <message>
            <source>waiting for you</source>
            <translation>waiting for you</translation>
        </message>
    </context>
    <context>
        <name>mlops::ui::StatusText</name>
        <message>
            <source>queued</source>
            <translation>queued</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>waiting for answers</source>
            <translation>waiting for answers</translation>
        </message>
        <message>
            <source>validating</source>
            <translation>validating</translation>
        </message>
        <message>
            <source>generating</source>
            <translation>generating</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>completed</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>paused</translation>
        </message>
    </context>
</TS>

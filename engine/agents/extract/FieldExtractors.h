#pragma once

#include "agents/extract/ExtractionDraft.h"

namespace mlops::extract {

// One extractor per constraint field (or per small group of fields read from the same words), each in its own
// file. They run in the order IntakeExtractor::extract lists them: later ones may read what earlier ones set
// (workloads read the latency and the tasks; classification reads compliance).
void extractCloud(Context& c);
void extractRegions(Context& c);
void extractBudget(Context& c);
void extractDeployment(Context& c);
void extractTasksAndModalities(Context& c);
void extractMonitoring(Context& c);
void extractLatency(Context& c);
void extractThroughput(Context& c); // daily volume, peak rate, expected band and the derivations between them
void extractAvailability(Context& c);
void extractDataVolume(Context& c);
void extractTeamSize(Context& c);
void extractWorkloads(Context& c);
double extractLlmSize(Context& c, QString* quote); // billions of parameters of a named LLM, 0 if none
void extractCompliance(Context& c);                // compliance packs and data classification
void extractResidency(Context& c);
void extractDisasterRecovery(Context& c);
void extractGpu(Context& c);
void extractTrainingFrequency(Context& c);
void extractToolLists(Context& c); // frameworks, existing tools, data sources
void extractTeamExpertise(Context& c);
void extractProjectName(Context& c);
void extractControls(Context& c);      // meta controls: explainability, audit trail, lineage, ...
void extractOwnedHardware(Context& c); // meta owned_hardware: the GPUs the team owns

} // namespace mlops::extract

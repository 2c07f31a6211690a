#pragma once

#include "cli/CliCommand.h"

namespace mlops {

// Factories of the sub-commands, one per file in engine/cli/.
std::unique_ptr<CliCommand> makeDesignCommand();
std::unique_ptr<CliCommand> makeResumeCommand();
std::unique_ptr<CliCommand> makeAnswerCommand();
std::unique_ptr<CliCommand> makeForkCommand();
std::unique_ptr<CliCommand> makeListCommand();
std::unique_ptr<CliCommand> makeShowCommand();
std::unique_ptr<CliCommand> makeWorkerCommand();
std::unique_ptr<CliCommand> makeValidateCommand();
std::unique_ptr<CliCommand> makeExportCommand();
std::unique_ptr<CliCommand> makeExtractCommand();
std::unique_ptr<CliCommand> makePlanCommand();

} // namespace mlops

#include "cli/CliCommands.h"

namespace mlops {

std::vector<std::unique_ptr<CliCommand>> allCliCommands() {
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(makeDesignCommand());
    commands.push_back(makeResumeCommand());
    commands.push_back(makeAnswerCommand());
    commands.push_back(makeForkCommand());
    commands.push_back(makeListCommand());
    commands.push_back(makeShowCommand());
    commands.push_back(makeWorkerCommand());
    commands.push_back(makeValidateCommand());
    commands.push_back(makeExportCommand());
    commands.push_back(makeExtractCommand());
    commands.push_back(makePlanCommand());
    return commands;
}

} // namespace mlops

#include "Studio.h"
#include "cli/CliCommands.h"
#include "storage/Database.h"
#include "storage/JobQueue.h"

#include <QEventLoop>
#include <QTimer>

namespace mlops {

namespace {

// Runs queued workflow jobs of the shared database until the queue is empty (several may run at once,
// in several processes: the DB-backed queue hands each job to exactly one of them).
class WorkerCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("worker"); }
    QString summary() const override { return QStringLiteral("Process queued runs until the queue is empty."); }
    void configure(QCommandLineParser& p) const override {
        p.addOption({QStringLiteral("concurrency"), QStringLiteral("Runs at once (default 4)."), QStringLiteral("N"),
                     QStringLiteral("4")});
    }
    int run(const QCommandLineParser& p, CliContext& ctx) const override {
        auto studio = ctx.openStudio(false); // opened only to check the database before starting the service
        if (!studio)
            return 1;
        studio.reset();
        Studio::Options options;
        options.maxConcurrentRuns = std::max(1, p.value(QStringLiteral("concurrency")).toInt());
        QString error;
        studio = Studio::open(options, &error);
        if (!studio)
            return CliSupport::fail(ctx, error);
        int finished = 0;
        QEventLoop loop;
        QObject::connect(studio.get(), &Studio::runEnded, &loop, [&finished] { ++finished; });
        QTimer idle;
        idle.setInterval(300);
        QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
            SqliteConnection& c = studio->database().reader();
            if (JobQueue::countByStatus(c, JobStatus::Queued) == 0 &&
                JobQueue::countByStatus(c, JobStatus::Running) == 0)
                loop.quit();
        });
        idle.start();
        loop.exec();
        ctx.io.out << "worker finished " << finished << " run(s)\n";
        ctx.io.out.flush();
        return 0;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeWorkerCommand() {
    return std::make_unique<WorkerCommand>();
}

} // namespace mlops

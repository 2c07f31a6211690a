// Test helper process: claims "race" jobs from a shared database until none are left, "works" on each for a
// moment, and writes one line per job it ran: "<job id> <start ms> <end ms>".
#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/JobQueue.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

using namespace mlops;

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    Database db(args[1]);
    QFile out(args[2]);
    if (!out.open(QIODevice::WriteOnly))
        return 3;
    const QString worker = JobQueue::makeWorkerId();
    for (;;) {
        JobRecord job;
        const WriteResult r = db.writeAndWait(
            [&](SqliteConnection& c) { job = JobQueue::claim(c, worker, 60000, {QStringLiteral("race")}); });
        if (!r.ok)
            return 4;
        if (!job.isValid())
            break;
        const qint64 start = Clock::nowMs();
        QThread::usleep(500);
        const qint64 end = Clock::nowMs();
        const bool finished = db.writeAndWait([&](SqliteConnection& c) {
                                    if (!JobQueue::finish(c, job.id, worker, JobStatus::Done))
                                        throw SqliteError(QStringLiteral("lost"), 0);
                                }).ok;
        if (!finished)
            return 5;
        out.write(QByteArray::number(job.id) + ' ' + QByteArray::number(start) + ' ' + QByteArray::number(end) + '\n');
    }
    return 0;
}

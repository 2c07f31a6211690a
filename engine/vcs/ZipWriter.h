#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>

namespace mlops {

// Writes a ZIP archive (PKWARE APPNOTE 6.3, no ZIP64) without a zip library: each entry is deflated with
// qCompress (the zlib header and Adler-32 trailer stripped, which leaves the raw deflate stream ZIP wants) or
// stored when deflating does not help. Names are UTF-8 (general purpose flag bit 11); Unix modes are kept in the
// external attributes so executable scripts stay executable after `unzip`. Limits: 65535 entries, 4 GiB.
class ZipWriter {
public:
    explicit ZipWriter(QIODevice* device);

    // `path` uses '/' separators and must be relative. `mode` is the Unix mode (0644, 0755).
    bool addFile(const QString& path, const QByteArray& content, uint mode, const QDateTime& modified);
    // Writes the central directory. Returns false (and errorString()) if any write failed.
    bool finish();
    QString errorString() const { return m_error; }

    static quint32 crc32(const QByteArray& data);

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint16 method = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
        quint32 mode = 0;
        quint32 offset = 0;
    };
    bool write(const QByteArray& bytes);

    QIODevice* m_device;
    QList<Entry> m_entries;
    qint64 m_offset = 0;
    QString m_error;
};

} // namespace mlops

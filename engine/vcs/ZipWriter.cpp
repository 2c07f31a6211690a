#include "vcs/ZipWriter.h"

#include <QtEndian>

#include <array>

namespace mlops {

namespace {

void put16(QByteArray& out, quint16 v) {
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray& out, quint32 v) {
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

constexpr quint32 maxSize = 0xFFFFFFFFu;

} // namespace

quint32 ZipWriter::crc32(const QByteArray& data) {
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

ZipWriter::ZipWriter(QIODevice* device)
    : m_device(device) {}

bool ZipWriter::write(const QByteArray& bytes) {
    if (!m_error.isEmpty())
        return false;
    if (m_device->write(bytes) != bytes.size()) {
        m_error = QStringLiteral("write failed: ") + m_device->errorString();
        return false;
    }
    m_offset += bytes.size();
    return true;
}

bool ZipWriter::addFile(const QString& path, const QByteArray& content, uint mode, const QDateTime& modified) {
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) ||
        path.split(QLatin1Char('/')).contains(QLatin1String("..")))
        m_error = QStringLiteral("refused entry name '%1'").arg(path);
    if (m_entries.size() >= 0xFFFF || quint64(content.size()) >= maxSize || quint64(m_offset) >= maxSize)
        m_error = QStringLiteral("archive too large for ZIP without ZIP64");
    if (!m_error.isEmpty())
        return false;
    Entry e;
    e.name = path.toUtf8();
    e.crc = crc32(content);
    e.size = quint32(content.size());
    e.mode = mode;
    e.offset = quint32(m_offset);
    // qCompress: 4-byte big-endian length, 2-byte zlib header, raw deflate, 4-byte Adler-32.
    QByteArray data = content;
    e.method = 0;
    if (content.size() > 64) {
        const QByteArray z = qCompress(content, 9);
        if (z.size() > 10 && z.size() - 10 < content.size()) {
            data = z.mid(6, z.size() - 10);
            e.method = 8;
        }
    }
    e.compressedSize = quint32(data.size());
    const QDateTime t = (modified.isValid() ? modified : QDateTime::currentDateTimeUtc()).toUTC();
    const QDate d = t.date().year() < 1980 ? QDate(1980, 1, 1) : t.date();
    e.dosDate = quint16(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
    e.dosTime = quint16((t.time().hour() << 11) | (t.time().minute() << 5) | (t.time().second() / 2));

    QByteArray header;
    put32(header, 0x04034b50);
    put16(header, 20);     // version needed: 2.0 (deflate)
    put16(header, 0x0800); // UTF-8 names
    put16(header, e.method);
    put16(header, e.dosTime);
    put16(header, e.dosDate);
    put32(header, e.crc);
    put32(header, e.compressedSize);
    put32(header, e.size);
    put16(header, quint16(e.name.size()));
    put16(header, 0);
    header += e.name;
    if (!write(header) || !write(data))
        return false;
    m_entries.append(e);
    return true;
}

bool ZipWriter::finish() {
    const qint64 directoryStart = m_offset;
    for (const Entry& e : std::as_const(m_entries)) {
        QByteArray c;
        put32(c, 0x02014b50);
        put16(c, (3 << 8) | 20); // made by: Unix, 2.0
        put16(c, 20);
        put16(c, 0x0800);
        put16(c, e.method);
        put16(c, e.dosTime);
        put16(c, e.dosDate);
        put32(c, e.crc);
        put32(c, e.compressedSize);
        put32(c, e.size);
        put16(c, quint16(e.name.size()));
        put16(c, 0);                         // extra
        put16(c, 0);                         // comment
        put16(c, 0);                         // disk
        put16(c, 0);                         // internal attributes
        put32(c, (0100000u | e.mode) << 16); // regular file + permissions
        put32(c, e.offset);
        c += e.name;
        if (!write(c))
            return false;
    }
    QByteArray end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(m_offset - directoryStart));
    put32(end, quint32(directoryStart));
    put16(end, 0);
    return write(end);
}

} // namespace mlops

#include "MatchFeatures.h"

#include "PackedId.h"
#include "SqlConnection.h"
#include "VietnamesePhonetics.h"
#include "VietnameseText.h"
#include "WardDatabase.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <sqlite3.h>
#include <thread>

namespace wardroll::model {

namespace {

enum Column {
    RowId,
    FullName,
    BirthYear,
    BirthMonth,
    BirthDay,
    SexColumn,
    PersonalIdColumn,
    OldIdColumn,
    FatherName,
    FatherIdColumn,
    MotherName,
    MotherIdColumn,
    SpouseName,
    SpouseIdColumn,
    HometownColumn,
    BirthRegistrationColumn,
    BirthPlaceColumn,
    PermanentText,
    PermanentVillage,
    CurrentText,
    CurrentVillage,
    TemporaryText,
    TemporaryVillage,
    HouseholdColumn,
    VillageColumn,
    PhoneColumn,
    EmailColumn,
    EthnicityColumn,
};

constexpr auto kSelect
    = u"SELECT rowid, full_name, birth_year, birth_month, birth_day, sex, personal_id, "
      u"old_id, father_name, father_id, mother_name, mother_id, spouse_name, spouse_id, "
      u"hometown, birth_registration_place, birth_place, permanent_text, permanent_village, "
      u"current_text, current_village, temporary_text, temporary_village, household_id, "
      u"village, phone, email, ethnicity FROM residents "
      u"WHERE deleted_at IS NULL AND merged_into IS NULL ORDER BY rowid";

struct RawText
{
    const char* data = nullptr;
    int size = 0;
    [[nodiscard]] bool isEmpty() const { return size == 0; }
    [[nodiscard]] QString toString() const { return QString::fromUtf8(data, size); }
};

// Column text with surrounding ASCII blanks dropped: "as written, only trimmed" may still hold
// a value of blanks, which means nothing.
RawText column(sqlite3_stmt* stmt, int index)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
    int size = sqlite3_column_bytes(stmt, index);
    if (!text)
        return {};
    while (size > 0 && (*text == ' ' || *text == '\t'))
        ++text, --size;
    while (size > 0 && (text[size - 1] == ' ' || text[size - 1] == '\t'))
        --size;
    return {text, size};
}

quint64 mix(quint64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

bool isUnitWord(const QString& w)
{
    static const QSet<QString> words = {
        QStringLiteral("xa"),   QStringLiteral("huyen"), QStringLiteral("tinh"),  QStringLiteral("phuong"),
        QStringLiteral("quan"), QStringLiteral("thon"),  QStringLiteral("xom"),   QStringLiteral("ap"),
        QStringLiteral("khu"),  QStringLiteral("so"),    QStringLiteral("duong"), QStringLiteral("ngo"),
        QStringLiteral("hem"),  QStringLiteral("kiet"),  QStringLiteral("tp"),    QStringLiteral("tt"),
        QStringLiteral("tx"),   QStringLiteral("ban"),
    };
    return words.contains(w);
}

// A personal ID, old ID or relative's ID as written: ASCII digits with blanks, dots, dashes or
// slashes packed straight from UTF-8; anything else normalized first.
quint64 packId(RawText raw)
{
    if (raw.isEmpty())
        return 0;
    quint64 v = 0;
    int digits = 0;
    for (int i = 0; i < raw.size; ++i) {
        const char c = raw.data[i];
        if (c >= '0' && c <= '9') {
            if (++digits > PackedId::maxDigits)
                break;
            v = (v << 4) | static_cast<quint64>(c - '0');
        } else if (c != ' ' && c != '.' && c != '-' && c != '/') {
            digits = PackedId::maxDigits + 1;
            break;
        }
    }
    if (digits == 0)
        return 0;
    if (digits <= PackedId::maxDigits)
        return v | (static_cast<quint64>(digits) << 60);
    return PackedId::pack(MatchFeatures::normalizeId(raw.toString()));
}

} // namespace

class MatchFeatures::Loader
{
public:
    explicit Loader(MatchFeatures& f)
        : m_f(f)
    {
    }

    // Appends the token ids of a name written as `raw` to `out`.
    void nameTokens(RawText raw, std::vector<quint32>& out)
    {
        int start = 0;
        for (int i = 0; i <= raw.size; ++i) {
            if (i < raw.size && raw.data[i] != ' ' && raw.data[i] != '\t')
                continue;
            if (i > start)
                pieceTokens(raw.data + start, i - start, out);
            start = i + 1;
        }
    }

    Relative relative(RawText raw)
    {
        Relative r;
        if (raw.isEmpty())
            return r;
        r.name.offset = static_cast<quint32>(m_f.m_nameTokens.size());
        nameTokens(raw, m_f.m_nameTokens);
        r.name.count = static_cast<quint32>(m_f.m_nameTokens.size()) - r.name.offset;
        if (r.name.count == 0)
            return r;
        quint64 h = 0x9E3779B97F4A7C15ULL;
        for (quint32 i = 0; i < r.name.count; ++i)
            h = mix(h ^ m_f.m_tokens[m_f.m_nameTokens[r.name.offset + i]].fold);
        r.fold = static_cast<quint32>(h ^ (h >> 32));
        if (r.fold == 0)
            r.fold = 1;
        return r;
    }

    quint32 place(MatchFeatures::Field field, RawText raw, RawText village = {})
    {
        if (raw.isEmpty() && village.isEmpty())
            return 0;
        MatchDictionary& dict = dictionary(field);
        // A household's members share an address, and the permanent address is often the current
        // one too: cache on text and village.
        const char* keyData = raw.data;
        int keySize = raw.size;
        if (!village.isEmpty()) {
            const auto size = static_cast<size_t>(raw.size + village.size + 1);
            if (m_rawKey.size() < size)
                m_rawKey.resize(size);
            std::memcpy(m_rawKey.data(), raw.data, static_cast<size_t>(raw.size));
            m_rawKey[static_cast<size_t>(raw.size)] = '\x1f';
            std::memcpy(m_rawKey.data() + raw.size + 1, village.data, static_cast<size_t>(village.size));
            keyData = m_rawKey.data();
            keySize = static_cast<int>(size);
        }
        const qint64 cached = dict.cachedRaw(keyData, keySize);
        quint32 id = 0;
        if (cached >= 0) {
            id = static_cast<quint32>(cached);
        } else {
            QString text = raw.toString();
            if (!village.isEmpty())
                text += QLatin1Char(' ') + village.toString();
            const QStringList words = placeWords(text);
            std::vector<quint32> ids;
            ids.reserve(static_cast<size_t>(words.size()));
            quint64 h = 0x9E3779B97F4A7C15ULL;
            for (const QString& w : words) {
                ids.push_back(m_words.intern(w));
                h = mix(h ^ ids.back());
            }
            // Addresses are many: known by the hash of their words, not by their text.
            id = words.isEmpty()
                ? 0
                : (field == Field::Address ? dict.internHash(h) : dict.intern(words.join(u' ')));
            if (id != 0 && dict.span(id).count == 0) {
                std::sort(ids.begin(), ids.end()); // compared as sorted multisets
                const auto offset = static_cast<quint32>(m_f.m_words.size());
                m_f.m_words.insert(m_f.m_words.end(), ids.begin(), ids.end());
                dict.setSpan(id, {offset, static_cast<quint32>(ids.size())});
            }
            dict.cacheRaw(keyData, keySize, id);
        }
        dict.count(id);
        return id;
    }

    template <typename Normalize>
    quint32 value(MatchFeatures::Field field, RawText raw, Normalize normalize, bool cache)
    {
        if (raw.isEmpty())
            return 0;
        MatchDictionary& dict = dictionary(field);
        const qint64 cached = cache ? dict.cachedRaw(raw.data, raw.size) : -1;
        quint32 id = 0;
        if (cached >= 0) {
            id = static_cast<quint32>(cached);
        } else {
            id = dict.intern(normalize(raw.toString()));
            if (cache)
                dict.cacheRaw(raw.data, raw.size, id);
        }
        dict.count(id);
        return id;
    }

    quint32 household(RawText raw)
    {
        if (raw.isEmpty())
            return 0;
        MatchDictionary& dict = dictionary(Field::Household);
        const quint64 h = qHash(QByteArrayView(raw.data, raw.size), 0x27d4eb2d);
        const quint32 id = dict.internHash(h == 0 ? 1 : h);
        dict.count(id);
        return id;
    }

    quint64 phone(RawText raw)
    {
        if (raw.isEmpty())
            return 0;
        QString digits;
        for (int i = 0; i < raw.size; ++i) {
            if (raw.data[i] >= '0' && raw.data[i] <= '9')
                digits += QLatin1Char(raw.data[i]);
        }
        if (digits.startsWith(u"84") && digits.size() >= 11)
            digits = QLatin1Char('0') + digits.mid(2);
        return PackedId::pack(digits);
    }

    void finish()
    {
        for (auto& dict : m_f.m_dictionaries)
            dict.finishLoading();
        m_f.m_nameCounts.assign(static_cast<size_t>(m_f.m_folds.size()), 0);
        for (const Record& r : m_f.m_records) {
            // Given and middle names.
            const NameParts parts = m_f.nameParts(r.name);
            const quint32* tokens = m_f.m_nameTokens.data() + r.name.offset;
            if (parts.given >= 0)
                ++m_f.m_nameCounts[m_f.m_tokens[tokens[parts.given]].fold];
            for (quint32 i = parts.middleBegin; i < parts.middleEnd; ++i)
                ++m_f.m_nameCounts[m_f.m_tokens[tokens[i]].fold];
        }
        // Frequencies of identifiers and relatives' names: sort, count runs.
        const auto valueOf = [](const Record& r, int field) -> quint64 {
            switch (static_cast<Field>(field)) {
            case Field::PersonalId:
                return r.personalId;
            case Field::OldId:
                return r.oldId;
            case Field::FatherId:
                return r.fatherId;
            case Field::MotherId:
                return r.motherId;
            case Field::SpouseId:
                return r.spouseId;
            case Field::Phone:
                return r.phone;
            case Field::Father:
                return r.father.fold;
            case Field::Mother:
                return r.mother.fold;
            case Field::Spouse:
                return r.spouse.fold;
            default:
                return 0;
            }
        };
        std::vector<quint64> values;
        values.reserve(m_f.m_records.size());
        for (int field = 0; field < firstDictionaryField; ++field) {
            values.clear();
            for (const Record& r : m_f.m_records) {
                if (const quint64 v = valueOf(r, field); v != 0)
                    values.push_back(v);
            }
            std::sort(values.begin(), values.end());
            Counts& counts = m_f.m_counts[static_cast<size_t>(field)];
            counts.total = values.size();
            for (size_t i = 0; i < values.size();) {
                size_t end = i + 1;
                while (end < values.size() && values[end] == values[i])
                    ++end;
                if (end - i >= 2)
                    counts.repeated.insert(values[i], static_cast<quint32>(end - i));
                i = end;
            }
        }
        m_f.m_records.shrink_to_fit();
        m_f.m_nameTokens.shrink_to_fit();
        m_f.m_words.shrink_to_fit();
        m_f.m_folds.finishLoading();
    }

private:
    MatchDictionary& dictionary(Field field)
    {
        return m_f.m_dictionaries[static_cast<size_t>(field) - firstDictionaryField];
    }

    void pieceTokens(const char* data, int size, std::vector<quint32>& out)
    {
        const auto it = m_pieces.constFind(QByteArray::fromRawData(data, size));
        MatchDictionary::Span span;
        if (it != m_pieces.constEnd()) {
            span = *it;
        } else {
            span.offset = static_cast<quint32>(m_pieceTokens.size());
            const QString piece = QString::fromUtf8(data, size);
            const QStringList folds
                = VietnameseText::foldKey(piece).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QStringList tones = VietnameseText::toneKey(piece).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (tones.size() != folds.size())
                tones = folds;
            for (qsizetype i = 0; i < folds.size(); ++i)
                m_pieceTokens.push_back(token(tones[i], folds[i]));
            span.count = static_cast<quint32>(m_pieceTokens.size()) - span.offset;
            m_pieces.insert(QByteArray(data, size), span);
        }
        for (quint32 i = 0; i < span.count; ++i)
            out.push_back(m_pieceTokens[span.offset + i]);
    }

    quint32 token(const QString& tone, const QString& fold)
    {
        const auto it = m_tokenIds.constFind(tone);
        if (it != m_tokenIds.constEnd())
            return *it;
        Token t;
        t.fold = m_f.m_folds.intern(fold);
        t.dialect = m_dialects.intern(VietnamesePhonetics::dialectKey(fold));
        t.family = m_families.intern(VietnamesePhonetics::familyKey(fold));
        t.genderWord = VietnamesePhonetics::isGenderWord(fold);
        t.maleParticle = isMaleParticle(fold);
        t.femaleParticle = isFemaleParticle(fold);
        t.marked = tone != fold;
        t.hoiNga = m_hoiNgas.intern(QString(tone).replace(QLatin1Char('4'), QLatin1Char('3')));
        for (QChar c : fold) {
            if (c >= u'a' && c <= u'z')
                t.letters |= 1u << (c.unicode() - u'a');
        }
        const auto id = static_cast<quint32>(m_f.m_tokens.size());
        m_f.m_tokens.push_back(t);
        m_tokenIds.insert(tone, id);
        return id;
    }

    MatchFeatures& m_f;
    std::vector<char> m_rawKey;
    QHash<QString, quint32> m_tokenIds;
    QHash<QByteArray, MatchDictionary::Span> m_pieces;
    std::vector<quint32> m_pieceTokens;
    MatchDictionary m_dialects;
    MatchDictionary m_families;
    MatchDictionary m_hoiNgas;
    MatchDictionary m_words;
};

MatchFeatures::NameParts MatchFeatures::nameLayout(quint32 count, bool maleParticleFirst,
                                                   bool femaleParticleFirst)
{
    NameParts p;
    if (count == 0)
        return p;
    if (count == 1) {
        p.given = 0;
        return p;
    }
    if (maleParticleFirst) {
        p.given = 1;
        if (count >= 3) {
            p.family = static_cast<int>(count) - 1;
            p.middleBegin = 2;
            p.middleEnd = count - 1;
        }
        return p;
    }
    if (femaleParticleFirst) {
        p.given = 0;
        p.family = static_cast<int>(count) - 1;
        p.middleBegin = 1;
        p.middleEnd = count - 1;
        return p;
    }
    p.family = 0;
    p.given = static_cast<int>(count) - 1;
    p.middleBegin = 1;
    p.middleEnd = count - 1;
    return p;
}

MatchDictionary::Frequency MatchFeatures::frequency(Field field, quint64 value) const
{
    const auto index = static_cast<int>(field);
    if (index >= firstDictionaryField)
        return dictionary(field).frequency(static_cast<quint32>(value));
    const Counts& counts = m_counts[static_cast<size_t>(index)];
    return {static_cast<double>(counts.repeated.value(value, 1)),
            static_cast<double>(std::max<quint64>(counts.total, 1))};
}

QString MatchFeatures::normalizeId(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace() || c == u'.' || c == u'-' || c == u'/')
            continue;
        out += c.toUpper();
    }
    return out;
}

QString MatchFeatures::normalizePhone(QStringView text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue());
    }
    if (digits.startsWith(u"84") && digits.size() >= 11)
        digits = QLatin1Char('0') + digits.mid(2);
    return digits;
}

QStringList MatchFeatures::placeWords(QStringView text)
{
    const QString folded = VietnameseText::foldKey(text);
    QStringList raw;
    QString word;
    for (QChar c : folded) {
        if (c.isLetterOrNumber()) {
            word += c;
        } else if (!word.isEmpty()) {
            raw << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        raw << word;
    QStringList words;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString& w = raw[i];
        const QString next = raw.value(i + 1);
        if ((w == u"thanh" && next == u"pho") || (w == u"thi" && (next == u"xa" || next == u"tran"))) {
            ++i;
            continue;
        }
        if (w == u"to" && next == u"dan" && raw.value(i + 2) == u"pho") {
            i += 2;
            continue;
        }
        if (isUnitWord(w))
            continue;
        words << w;
    }
    return words;
}

namespace {

// Rows read from SQLite on one thread while another builds the features: the raw column bytes
// of a batch of rows, so that the reader never waits for the interning and vice versa.
struct RowBatch
{
    struct Row
    {
        qint64 rowid = 0;
        int year = 0;
        int month = 0;
        int day = 0;
        std::array<std::pair<quint32, quint32>, EthnicityColumn + 1> text{}; // offset, size in bytes
    };
    std::vector<char> bytes;
    std::vector<Row> rows;

    [[nodiscard]] RawText text(const Row& row, int column) const
    {
        const auto& [offset, size] = row.text[static_cast<size_t>(column)];
        return {bytes.data() + offset, static_cast<int>(size)};
    }
};

class BatchQueue
{
public:
    static constexpr size_t capacity = 4;
    // Blocks while full; false when the consumer stopped.
    bool push(RowBatch batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_queue.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    void finish(std::optional<Error> error = {})
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_error = std::move(error);
        m_changed.notify_all();
    }
    // False when no batch will come any more.
    bool pop(RowBatch& batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_finished; });
        if (m_queue.empty())
            return false;
        batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return true;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    [[nodiscard]] std::optional<Error> error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<RowBatch> m_queue;
    bool m_finished = false;
    bool m_stopped = false;
    std::optional<Error> m_error;
};

void readRows(SqlStatement& stmt, BatchQueue& queue)
{
    constexpr size_t kRows = 4096;
    sqlite3_stmt* s = stmt.handle();
    RowBatch batch;
    batch.rows.reserve(kRows);
    batch.bytes.reserve(kRows * 512);
    while (true) {
        auto row = stmt.step();
        if (!row.ok()) {
            queue.finish(row.error());
            return;
        }
        if (!row.value())
            break;
        RowBatch::Row r;
        r.rowid = sqlite3_column_int64(s, RowId);
        r.year = sqlite3_column_int(s, BirthYear);
        r.month = sqlite3_column_int(s, BirthMonth);
        r.day = sqlite3_column_int(s, BirthDay);
        for (int c = FullName; c <= EthnicityColumn; ++c) {
            if (c == BirthYear || c == BirthMonth || c == BirthDay)
                continue;
            const RawText text = column(s, c);
            r.text[static_cast<size_t>(c)]
                = {static_cast<quint32>(batch.bytes.size()), static_cast<quint32>(text.size)};
            batch.bytes.insert(batch.bytes.end(), text.data, text.data + text.size);
        }
        batch.rows.push_back(r);
        if (batch.rows.size() == kRows) {
            if (!queue.push(std::move(batch)))
                return;
            batch = RowBatch{};
            batch.rows.reserve(kRows);
            batch.bytes.reserve(kRows * 512);
        }
    }
    if (!batch.rows.empty() && !queue.push(std::move(batch)))
        return;
    queue.finish();
}

} // namespace

Result<MatchFeatures> MatchFeatures::load(WardDatabase& ward,
                                          const std::function<bool(qint64, qint64)>& progress)
{
    SqlConnection& db = ward.connection();
    auto total
        = db.queryInt(u"SELECT count(*) FROM residents WHERE deleted_at IS NULL AND merged_into IS NULL");
    if (!total.ok())
        return total.error();
    auto stmt = db.prepare(kSelect);
    if (!stmt.ok())
        return stmt.error();
    MatchFeatures f;
    f.m_records.reserve(static_cast<size_t>(total.value()));
    f.m_nameTokens.reserve(static_cast<size_t>(total.value()) * 8);
    Loader loader(f);
    const auto foldNormalizer = [](const QString& t) {
        return VietnameseText::foldKey(t);
    };
    const auto emailNormalizer = [](const QString& t) {
        return t.trimmed().toLower();
    };
    BatchQueue queue;
    // The reader steps the statement on its own thread; this thread does not touch the
    // connection until the reader is joined.
    std::thread reader([&] { readRows(*stmt, queue); });
    const auto joinReader = qScopeGuard([&] {
        queue.stop();
        reader.join();
    });
    qint64 done = 0;
    RowBatch batch;
    while (queue.pop(batch)) {
        for (const RowBatch::Row& row : batch.rows) {
            const auto text = [&](int c) {
                return batch.text(row, c);
            };
            Record r;
            r.rowid = row.rowid;
            const auto offset = static_cast<quint32>(f.m_nameTokens.size());
            loader.nameTokens(text(FullName), f.m_nameTokens);
            r.name = {offset, static_cast<quint32>(f.m_nameTokens.size()) - offset};
            r.year = static_cast<qint16>(std::clamp(row.year, 0, 9999));
            r.month = static_cast<qint8>(row.month >= 1 && row.month <= 12 ? row.month : 0);
            r.day = static_cast<qint8>(r.month != 0 && row.day >= 1 && row.day <= 31 ? row.day : 0);
            const RawText sex = text(SexColumn);
            r.sex = sex.isEmpty() ? 0 : (sex.data[0] == 'M' ? 1 : (sex.data[0] == 'F' ? 2 : 0));
            r.personalId = packId(text(PersonalIdColumn));
            r.oldId = packId(text(OldIdColumn));
            r.phone = loader.phone(text(PhoneColumn));
            r.fatherId = packId(text(FatherIdColumn));
            r.motherId = packId(text(MotherIdColumn));
            r.spouseId = packId(text(SpouseIdColumn));
            r.father = loader.relative(text(FatherName));
            r.mother = loader.relative(text(MotherName));
            r.spouse = loader.relative(text(SpouseName));
            r.hometown = loader.place(Field::Hometown, text(HometownColumn));
            r.birthRegistration = loader.place(Field::BirthRegistration, text(BirthRegistrationColumn));
            r.birthPlace = loader.place(Field::BirthPlace, text(BirthPlaceColumn));
            r.permanent = loader.place(Field::Address, text(PermanentText), text(PermanentVillage));
            r.current = loader.place(Field::Address, text(CurrentText), text(CurrentVillage));
            r.temporary = loader.place(Field::Address, text(TemporaryText), text(TemporaryVillage));
            r.household = loader.household(text(HouseholdColumn));
            r.village = loader.value(Field::Village, text(VillageColumn), foldNormalizer, true);
            r.email = loader.value(Field::Email, text(EmailColumn), emailNormalizer, false);
            r.ethnicity = loader.value(Field::Ethnicity, text(EthnicityColumn), foldNormalizer, true);
            f.m_records.push_back(r);
        }
        done += static_cast<qint64>(batch.rows.size());
        if (progress && !progress(done, total.value()))
            return Error{Error::Kind::Cancelled, tr("Duplicate detection was cancelled."), {}};
    }
    if (auto error = queue.error())
        return *error;
    loader.finish();
    return f;
}

} // namespace wardroll::model

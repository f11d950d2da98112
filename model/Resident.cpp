#include "Resident.h"

#include "VietnameseText.h"

namespace wardroll::model {

QString statusCode(ResidentStatus status)
{
    switch (status) {
    case ResidentStatus::Living:
        return QStringLiteral("living");
    case ResidentStatus::Deceased:
        return QStringLiteral("deceased");
    case ResidentStatus::Missing:
        return QStringLiteral("missing");
    case ResidentStatus::MovedOut:
        return QStringLiteral("moved_out");
    }
    return QStringLiteral("living");
}

ResidentStatus statusFromCode(QStringView code)
{
    return parseStatus(code).value_or(ResidentStatus::Living);
}

std::optional<ResidentStatus> parseStatus(QStringView text)
{
    // The codes WardRoll writes, checked before folding: an import of its own export (or of any
    // file using them) reads a million of them.
    if (text.isEmpty() || text == u"living")
        return ResidentStatus::Living;
    if (text == u"deceased")
        return ResidentStatus::Deceased;
    if (text == u"missing")
        return ResidentStatus::Missing;
    if (text == u"moved_out")
        return ResidentStatus::MovedOut;
    const QString key = VietnameseText::foldKey(text);
    if (key.isEmpty() || key == u"living" || key == u"con song" || key == u"song" || key == u"binh thuong")
        return ResidentStatus::Living;
    if (key == u"deceased" || key == u"da chet" || key == u"chet" || key == u"da mat" || key == u"mat"
        || key == u"tu vong" || key == u"da tu vong")
        return ResidentStatus::Deceased;
    if (key == u"missing" || key == u"mat tich")
        return ResidentStatus::Missing;
    if (key == u"moved_out" || key == u"moved out" || key == u"chuyen di" || key == u"da chuyen di")
        return ResidentStatus::MovedOut;
    return std::nullopt;
}

} // namespace wardroll::model

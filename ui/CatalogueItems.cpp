#include "CatalogueItems.h"

#include "AdminUnits.h"
#include "EthnicGroups.h"
#include "HouseholdRelations.h"
#include "Religions.h"

namespace wardroll::ui {

using namespace wardroll::model;

const QList<CatalogueItem>& CatalogueItems::ethnicGroups()
{
    static const QList<CatalogueItem> items = [] {
        QList<CatalogueItem> out;
        for (const EthnicGroups::Group& g : EthnicGroups::instance().groups())
            out << CatalogueItem{g.name, g.name, g.variants.join(QLatin1Char(' '))};
        return out;
    }();
    return items;
}

const QList<CatalogueItem>& CatalogueItems::religions()
{
    static const QList<CatalogueItem> items = [] {
        QList<CatalogueItem> out;
        for (const Religions::Religion& r : Religions::instance().religions())
            out << CatalogueItem{r.name, r.name, r.variants.join(QLatin1Char(' '))};
        return out;
    }();
    return items;
}

const QList<CatalogueItem>& CatalogueItems::relations()
{
    static const QList<CatalogueItem> items = [] {
        QList<CatalogueItem> out;
        for (const HouseholdRelations::Relation& r : HouseholdRelations::instance().relations())
            out << CatalogueItem{r.value, r.value, {}};
        return out;
    }();
    return items;
}

const QList<CatalogueItem>& CatalogueItems::nationalities()
{
    // Records name the country; Vietnamese residents are nearly all of a ward.
    static const QList<CatalogueItem> items = {
        {QStringLiteral("Việt Nam"), QStringLiteral("Việt Nam"), QStringLiteral("vn vietnam")},
        {QStringLiteral("Không quốc tịch"), QStringLiteral("Không quốc tịch"), QStringLiteral("stateless")},
    };
    return items;
}

const QList<CatalogueItem>& CatalogueItems::maritalStatuses()
{
    static const QList<CatalogueItem> items = {
        {QStringLiteral("Chưa kết hôn"), QStringLiteral("Chưa kết hôn"), QStringLiteral("doc than")},
        {QStringLiteral("Đã kết hôn"), QStringLiteral("Đã kết hôn"), QStringLiteral("co vo co chong")},
        {QStringLiteral("Ly hôn"), QStringLiteral("Ly hôn"), {}},
        {QStringLiteral("Góa"), QStringLiteral("Góa"), QStringLiteral("goa vo goa chong")},
    };
    return items;
}

QString CatalogueItems::unitValue(const QString& scheme, const QString& code)
{
    if (code.isEmpty())
        return {};
    return scheme + QLatin1Char(':') + code;
}

std::pair<QString, QString> CatalogueItems::unitFromValue(const QString& value)
{
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {QString(), value};
    return {value.left(colon), value.mid(colon + 1)};
}

QString CatalogueItems::describeUnit(const QString& value)
{
    const auto [scheme, code] = unitFromValue(value);
    if (const AdminUnits::Unit* unit = AdminUnits::instance().unit(code, scheme)) {
        if (scheme == unitSchemeLegacy)
            return tr("%1 (before 2025)").arg(unit->fullName());
        return unit->fullName();
    }
    return tr("Unknown unit code %1").arg(code);
}

const QList<CatalogueItem>& CatalogueItems::communes()
{
    static const QList<CatalogueItem> items = [] {
        QList<CatalogueItem> out;
        const QList<AdminUnits::Unit>& units = AdminUnits::instance().communes();
        out.reserve(units.size());
        for (const AdminUnits::Unit& u : units)
            out << CatalogueItem{u.fullName(), unitValue(unitScheme2025, u.code), u.code};
        return out;
    }();
    return items;
}

const QList<CatalogueItem>& CatalogueItems::places()
{
    static const QList<CatalogueItem> items = [] {
        QList<CatalogueItem> out;
        for (const AdminUnits::Province& p : AdminUnits::instance().provinces())
            out << CatalogueItem{p.name, p.name, {}};
        for (const AdminUnits::Unit& u : AdminUnits::instance().communes())
            out << CatalogueItem{u.fullName(), u.fullName(), {}};
        return out;
    }();
    return items;
}

} // namespace wardroll::ui

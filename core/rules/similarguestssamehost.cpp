#include "rules/allrules.h"

#include <QMap>

namespace td {

namespace {

// Several guests of one product on one host.
class SimilarGuestsSameHost final : public Rule
{
public:
    SimilarGuestsSameHost()
        : Rule({"similar-guests-same-host", Severity::Warning, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "Similar guests share a host"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Two or more guests of the same product run on this host. Taking "
                                  "the host down for driver, firmware or hypervisor updates then "
                                  "removes several servers of one kind at once, which removes the "
                                  "flexibility the extra servers were meant to give. Spread them "
                                  "over hosts."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: similar guests "
                                  "on one host remove flexibility for host driver and "
                                  "software updates.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const QVector<int> guests = c.guestsOn(pos);
        if (guests.size() < 2)
            return;
        QMap<QString, QVector<int>> byProduct; // sorted by product id: stable output
        for (int g : guests) {
            if (!sameHostGroupHere(c, g, pos))
                byProduct[c.topology.guests.at(g).product].append(g);
        }
        const Host &h = c.topology.hosts.at(pos);
        for (auto it = byProduct.cbegin(); it != byProduct.cend(); ++it) {
            if (it.value().size() < 2)
                continue;
            const Product *p = c.catalog.product(it.key());
            out.append(
                make(tr("%1 guests %2 share host %3.").arg(p ? p->name : it.key(), c.guestNames(it.value()), h.name),
                     c.guestIds(it.value()) + QStringList{h.id.str()}));
        }
    }

private:
    // True when one of the guest's groups has all its (2+) placed members on
    // this host: redundancy-same-host already reports it.
    static bool sameHostGroupHere(const RuleContext &c, int guestPos, int hostPos)
    {
        for (int group : c.index.groupsOfGuest(guestPos)) {
            const auto placed = c.placedMembers(group);
            if (placed.size() < 2)
                continue;
            const auto hosts = RuleContext::distinctHosts(placed);
            if (hosts.size() == 1 && hosts.first() == hostPos)
                return true;
        }
        return false;
    }
};

} // namespace

std::unique_ptr<Rule> makeSimilarGuestsSameHost()
{
    return std::make_unique<SimilarGuestsSameHost>();
}

} // namespace td

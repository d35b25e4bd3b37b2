#include "rules/allrules.h"

#include <algorithm>

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
        if (c.index.guestsOnHost(pos).size() < 2)
            return;
        QVector<int> guests; // in document order, then by product id: stable output
        for (int g : c.guestsOn(pos)) {
            if (!sameHostGroupHere(c, g, pos))
                guests.append(g);
        }
        const auto productOf = [&c](int g) -> const QString & { return c.topology.guests.at(g).product; };
        std::stable_sort(guests.begin(), guests.end(), [&](int a, int b) { return productOf(a) < productOf(b); });
        const Host &h = c.topology.hosts.at(pos);
        for (qsizetype from = 0; from < guests.size();) {
            qsizetype to = from + 1;
            while (to < guests.size() && productOf(guests.at(to)) == productOf(guests.at(from)))
                ++to;
            if (to - from >= 2) {
                const QVector<int> same = guests.mid(from, to - from);
                QStringList subjects = c.guestIds(same);
                subjects << h.id.str();
                // Most hosts an edit touches keep their similar guests (a
                // move changes one run of one host): their message is kept.
                if (const Finding *kept = c.keptFinding(subjects)) {
                    out.append(*kept);
                } else {
                    const QString &key = productOf(guests.at(from));
                    const Product *p = c.catalog.product(key);
                    out.append(
                        make(tr("%1 guests %2 share host %3.").arg(p ? p->name : key, c.guestNames(same), h.name),
                             subjects));
                }
            }
            from = to;
        }
    }

private:
    // True when one of the guest's groups has all its (2+) placed members on
    // this host: redundancy-same-host already reports it.
    static bool sameHostGroupHere(const RuleContext &c, int guestPos, int hostPos)
    {
        // Without building the placed-members list: it runs for every guest
        // of every host a change touches.
        for (int group : c.index.groupsOfGuest(guestPos)) {
            int placed = 0;
            bool allHere = true;
            for (const GuestId &m : c.topology.groups.at(group).members) {
                const int g = c.index.guest(m);
                const int h = g < 0 ? -1 : c.index.host(c.topology.guests.at(g).host);
                if (h < 0)
                    continue;
                ++placed;
                if (h != hostPos) {
                    allHere = false;
                    break;
                }
            }
            if (allHere && placed >= 2)
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

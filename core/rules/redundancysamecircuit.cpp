#include "rules/allrules.h"

namespace td {

namespace {

// Members on different hosts, all of them fed only by one circuit.
class RedundancySameCircuit final : public Rule
{
public:
    RedundancySameCircuit()
        : Rule({"redundancy-same-circuit", Severity::Warning, Scope::Group,
                QT_TRANSLATE_NOOP("td::Rule", "Redundant guests share a power circuit"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Every host running a member of this group is fed by the same "
                                  "single circuit, so one tripped breaker or failed UPS takes the "
                                  "whole service down. Feed the hosts from two circuits (A/B power) "
                                  "or place a member on a host fed by another circuit."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: keep both "
                                  "servers off the same host, rack and circuit where "
                                  "possible.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const auto placed = c.placedMembers(pos);
        if (placed.size() < 2)
            return;
        const auto hosts = c.placedHosts(pos);
        if (hosts.size() < 2)
            return;
        const QVector<CircuitId> &feeds = *c.resolved().host(hosts.first()).feeds;
        if (feeds.size() != 1)
            return;
        const Failure circuitFailure{Failure::Kind::Circuit, c.index.circuit(feeds.first())};
        if (!c.allDown(circuitFailure, hosts))
            return;
        const Group &g = c.topology.groups.at(pos);
        const Circuit &circuit = c.topology.circuits.at(circuitFailure.pos);
        out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1: every host running %2 is fed only by circuit "
                                                                "%3; losing that circuit takes the whole group down."),
                                  {g.name, c.placedGuestNames(placed), circuit.name}),
                        c.groupSubjects(pos, placed, circuit.id.str())));
    }
};

} // namespace

std::unique_ptr<Rule> makeRedundancySameCircuit()
{
    return std::make_unique<RedundancySameCircuit>();
}

} // namespace td

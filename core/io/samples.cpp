#include "io/samples.h"

#include <QFile>

namespace td::Samples {

QByteArray contoso()
{
    QFile file(QStringLiteral(":/topology-designer/samples/contoso.topo.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the embedded sample layout is missing from the binary");
    return file.readAll();
}

QString displayName()
{
    return QStringLiteral("sample:contoso.topo.yaml");
}

} // namespace td::Samples

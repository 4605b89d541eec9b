#include "ui/explorer_state.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    ax::ui::ExplorerState state;
    return 0;
}

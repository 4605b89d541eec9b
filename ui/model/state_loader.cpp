#include "ui/model/state_loader.h"

#include "ui/model/explorer_state.h"

#include <QtConcurrent/QtConcurrentRun>

namespace ax::ui {

StateLoader::StateLoader(ExplorerState& state, QObject* parent)
    : QObject(parent), m_state(state), m_watcher(new QFutureWatcher<Outcome>(this))
{
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &StateLoader::onFinished);
    connect(&m_state, &ExplorerState::changed, this, [this] {
        if (m_pending && !m_applying) m_editedMeanwhile = true;
    });
}

void StateLoader::load(Read read, Done done, Apply apply)
{
    m_done = std::move(done);
    m_apply = apply;
    m_pending = true;
    m_editedMeanwhile = false;
    // setFuture() forgets the future it watched before, so an earlier load's end is not reported.
    m_watcher->setFuture(QtConcurrent::run([read = std::move(read)] {
        Outcome outcome;
        ExplorerState scratch;
        outcome.error = read(scratch);
        if (!outcome.error) outcome.session = scratch.session();
        return outcome;
    }));
}

void StateLoader::onFinished()
{
    if (!m_pending) return;
    Outcome outcome = m_watcher->result();
    m_pending = false;
    std::optional<QString> error = outcome.error;
    const bool keepEdits = m_editedMeanwhile && m_apply == Apply::UnlessEditedMeanwhile;
    if (!error && !keepEdits) {
        // The custom activations come as they were built, off the GUI thread.
        m_applying = true;
        error = m_state.setSession(std::move(outcome.session));
        m_applying = false;
    }
    const Done done = std::move(m_done);
    m_done = {};
    if (done) done(error);
    emit finished();
}

}  // namespace ax::ui

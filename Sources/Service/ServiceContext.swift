import Configuration
import Logging
import Pipeline
import QueueStore

/// What every mailbox thread of the service shares: the configuration and
/// the rules (each reloaded when its file changes), the queue store, the
/// stop request, the base logger and the observer.
struct ServiceContext: Sendable {
    let configuration: WatchedFiles<ServiceConfiguration>
    let rules: WatchedFiles<Pipeline>
    let store: QueueStore
    let stop: StopRequest
    let logger: Logger
    let observer: FetchObserver
}

// Ctrl-C (SIGINT) and SIGTERM (a batch scheduler's cancel) stop the run at once, remove its
// temporary folders and exit 130 / 143, the codes shells report for those signals. The
// signals are taken off the default action and delivered to a dispatch queue, so the cleanup
// runs as ordinary code, not inside an async-signal handler.
import Dispatch
import Foundation
import H2IO
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

nonisolated(unsafe) private var interruptSources: [any DispatchSourceSignal] = []

func installInterruptHandlers() {
    let queue = DispatchQueue(label: "h2corridor.interrupt")
    for (number, name, code) in [(SIGINT, "SIGINT", Exit.interrupted), (SIGTERM, "SIGTERM", Exit.terminated)] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
            TemporaryFolders.removeAll()
            FileHandle.standardError.write(Data("\ninterrupted (\(name)): stopped, temporary files removed, no output written\n".utf8))
            _exit(code)
        }
        source.resume()
        interruptSources.append(source)
    }
}

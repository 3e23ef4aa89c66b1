import Glibc

/// The number of cores this process may use, for the default of `--jobs`.
enum CPUCount {
    static var online: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

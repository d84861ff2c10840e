# Sourced by the benchmark scripts: sets cpu_flags to the compiler arguments the engine gives
# the libraries on this processor (Toolchain.cpuArguments): AVX-512 code (-target-cpu
# skylake-avx512 -D NEURALNET_AVX512) where /proc/cpuinfo shows AVX-512 F, CD, BW, DQ and VL;
# AVX2 and FMA code (-target-cpu haswell) where it shows those two; none elsewhere.
cpu_flags=()
if [ "$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
    cpu_flags=(-Xswiftc -target-cpu -Xswiftc haswell)
    avx512=1
    for part in avx512f avx512cd avx512bw avx512dq avx512vl; do
        grep -qw "$part" /proc/cpuinfo || avx512=0
    done
    if [ "$avx512" = 1 ]; then
        cpu_flags=(-Xswiftc -target-cpu -Xswiftc skylake-avx512 -Xswiftc -D -Xswiftc NEURALNET_AVX512)
    fi
fi

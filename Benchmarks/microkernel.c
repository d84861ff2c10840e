// The matrix-multiply micro-kernel's inner loop in three forms, in C, on data that stays in
// the L1 cache: how fast each runs, second after second, on this processor. It is why the
// library's kernel fuses its multiply-adds and uses 512-bit rows where it can (README,
// "Performance"). Build and run (about 40 s; x86-64 with AVX-512 F):
//     gcc -O2 Benchmarks/microkernel.c -o /tmp/microkernel && /tmp/microkernel
// Each line is one round: GFLOP/s of
//   (1) a 5 × 16 tile of separate multiplies and adds on AVX2 (the kernel before 2026-12-03),
//   (2) a 6 × 16 tile of fused multiply-adds on AVX2 (the kernel built for Haswell),
//   (3) a 6 × 32 tile of fused multiply-adds on AVX-512 (the kernel built for Skylake-X).
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { depth = 256 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

#define MULADD(acc, x, b) acc = _mm256_add_ps(acc, _mm256_mul_ps(x, b))

__attribute__((noinline, target("avx2"))) void separate5x16(const float *a, const float *b,
                                                            float *c) {
    __m256 c0 = _mm256_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0,
           c7 = c0, c8 = c0, c9 = c0;
    for (int p = 0; p < depth; p++) {
        __m256 b0 = _mm256_loadu_ps(b + 16 * p), b1 = _mm256_loadu_ps(b + 16 * p + 8);
        __m256 x = _mm256_broadcast_ss(a + 5 * p);
        MULADD(c0, x, b0); MULADD(c1, x, b1);
        x = _mm256_broadcast_ss(a + 5 * p + 1); MULADD(c2, x, b0); MULADD(c3, x, b1);
        x = _mm256_broadcast_ss(a + 5 * p + 2); MULADD(c4, x, b0); MULADD(c5, x, b1);
        x = _mm256_broadcast_ss(a + 5 * p + 3); MULADD(c6, x, b0); MULADD(c7, x, b1);
        x = _mm256_broadcast_ss(a + 5 * p + 4); MULADD(c8, x, b0); MULADD(c9, x, b1);
    }
    __m256 all[] = {c0, c1, c2, c3, c4, c5, c6, c7, c8, c9};
    for (int i = 0; i < 10; i++) _mm256_storeu_ps(c + 8 * i, all[i]);
}

#define FMA256(acc, x, b) acc = _mm256_fmadd_ps(x, b, acc)

__attribute__((noinline, target("avx2,fma"))) void fused6x16(const float *a, const float *b,
                                                             float *c) {
    __m256 c0 = _mm256_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0,
           c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
    for (int p = 0; p < depth; p++) {
        __m256 b0 = _mm256_loadu_ps(b + 16 * p), b1 = _mm256_loadu_ps(b + 16 * p + 8);
        __m256 x = _mm256_broadcast_ss(a + 6 * p);
        FMA256(c0, x, b0); FMA256(c1, x, b1);
        x = _mm256_broadcast_ss(a + 6 * p + 1); FMA256(c2, x, b0); FMA256(c3, x, b1);
        x = _mm256_broadcast_ss(a + 6 * p + 2); FMA256(c4, x, b0); FMA256(c5, x, b1);
        x = _mm256_broadcast_ss(a + 6 * p + 3); FMA256(c6, x, b0); FMA256(c7, x, b1);
        x = _mm256_broadcast_ss(a + 6 * p + 4); FMA256(c8, x, b0); FMA256(c9, x, b1);
        x = _mm256_broadcast_ss(a + 6 * p + 5); FMA256(c10, x, b0); FMA256(c11, x, b1);
    }
    __m256 all[] = {c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11};
    for (int i = 0; i < 12; i++) _mm256_storeu_ps(c + 8 * i, all[i]);
}

#define FMA512(acc, x, b) acc = _mm512_fmadd_ps(x, b, acc)

__attribute__((noinline, target("avx512f"))) void fused6x32(const float *a, const float *b,
                                                            float *c) {
    __m512 c0 = _mm512_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0,
           c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
    for (int p = 0; p < depth; p++) {
        __m512 b0 = _mm512_loadu_ps(b + 32 * p), b1 = _mm512_loadu_ps(b + 32 * p + 16);
        __m512 x = _mm512_set1_ps(a[6 * p]);
        FMA512(c0, x, b0); FMA512(c1, x, b1);
        x = _mm512_set1_ps(a[6 * p + 1]); FMA512(c2, x, b0); FMA512(c3, x, b1);
        x = _mm512_set1_ps(a[6 * p + 2]); FMA512(c4, x, b0); FMA512(c5, x, b1);
        x = _mm512_set1_ps(a[6 * p + 3]); FMA512(c6, x, b0); FMA512(c7, x, b1);
        x = _mm512_set1_ps(a[6 * p + 4]); FMA512(c8, x, b0); FMA512(c9, x, b1);
        x = _mm512_set1_ps(a[6 * p + 5]); FMA512(c10, x, b0); FMA512(c11, x, b1);
    }
    __m512 all[] = {c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11};
    for (int i = 0; i < 12; i++) _mm512_storeu_ps(c + 16 * i, all[i]);
}

typedef void (*Kernel)(const float *, const float *, float *);

// GFLOP/s of `calls` calls of a kernel whose tile has `flops` operations per step.
static double rate(Kernel kernel, long calls, double flops, const float *a, const float *b,
                   float *c) {
    double start = now();
    for (long i = 0; i < calls; i++) kernel(a, b, c);
    return calls * depth * flops / (now() - start) / 1e9;
}

int main(void) {
    if (!__builtin_cpu_supports("avx512f") || !__builtin_cpu_supports("fma")) {
        fprintf(stderr, "needs AVX-512 F and FMA\n");
        return 1;
    }
    float *a = aligned_alloc(64, sizeof(float) * 6 * depth);
    float *b = aligned_alloc(64, sizeof(float) * 32 * depth);
    float *c = aligned_alloc(64, sizeof(float) * 16 * 12);
    for (int i = 0; i < 6 * depth; i++) a[i] = 1e-3f * (float)(i % 97);
    for (int i = 0; i < 32 * depth; i++) b[i] = 1e-3f * (float)(i % 89);
    printf("GFLOP/s in L1, one thread: separate 5x16 AVX2 | fused 6x16 AVX2 | fused 6x32 AVX-512\n");
    for (int round = 0; round < 20; round++) {
        double separate = rate(separate5x16, 100000, 5 * 16 * 2, a, b, c);
        double fused = rate(fused6x16, 100000, 6 * 16 * 2, a, b, c);
        double wide = rate(fused6x32, 50000, 6 * 32 * 2, a, b, c);
        printf("%8.1f %8.1f %8.1f\n", separate, fused, wide);
    }
    return c[0] > 1e30f;
}

// Included by each program's lib.rs. Upstream LLVM's BPF backend calls memcpy & co. as libcalls
// that nothing provides on chain: route them to the runtime's sol_mem* syscalls. Gated on
// target_arch = "bpf" so that it never collides with the platform tools' own builtins (their
// target architecture is "sbf"), and left out when the program is a dependency of another
// (`no-entrypoint`, as `cpi` implies), whose own copy is the one linked.
#[cfg(all(target_arch = "bpf", not(feature = "no-entrypoint")))]
mod sbf_mem_shims {
    extern "C" {
        fn sol_memcpy_(dst: *mut u8, src: *const u8, n: u64);
        fn sol_memmove_(dst: *mut u8, src: *const u8, n: u64);
        fn sol_memset_(s: *mut u8, c: u8, n: u64);
        fn sol_memcmp_(s1: *const u8, s2: *const u8, n: u64, result: *mut i32);
    }

    #[no_mangle]
    pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        sol_memcpy_(dst, src, n as u64);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        sol_memmove_(dst, src, n as u64);
        dst
    }

    #[no_mangle]
    pub unsafe extern "C" fn memset(s: *mut u8, c: i32, n: usize) -> *mut u8 {
        sol_memset_(s, c as u8, n as u64);
        s
    }

    #[no_mangle]
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        let mut r = 0i32;
        sol_memcmp_(a, b, n as u64, &mut r);
        r
    }

    #[no_mangle]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        memcmp(a, b, n)
    }
}

using System;
using Stagehand.Benchmarks.Payloads;

namespace Stagehand.Benchmarks.Quick;

/// <summary>
/// The exact bytes one generated <c>Validate</c> call allocates on the calling thread
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/> around many calls, after a warm-up). BenchmarkDotNet's
/// "Allocated" column counts the whole process, so another thread's allocation (a timer, the tiered JIT's helpers)
/// can show there as 1 B per operation; this probe is what the 0 B target is judged on.
/// </summary>
internal static class AllocationProbe
{
    public static double ValidateBytesPerCall(PayloadKind kind)
    {
        var benchmark = new ValidateBenchmarks { Payload = kind };
        benchmark.Setup();
        var calls = kind switch
        {
            PayloadKind.Small => 5000,
            PayloadKind.Medium => 500,
            _ => 20,
        };
        for (var i = 0; i < Math.Max(10, calls / 10); i++)
        {
            benchmark.Generated();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            if (!benchmark.Generated())
            {
                throw new InvalidOperationException("The " + kind + " payload stopped being valid.");
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }
}

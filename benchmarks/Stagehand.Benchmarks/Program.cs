using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Stagehand.Benchmarks.Payloads;
using Stagehand.Benchmarks.Quick;

namespace Stagehand.Benchmarks;

/// <summary>
/// <c>--quick</c>: every benchmark with a short in-process job, then the target table (also written to
/// <c>BenchmarkDotNet.Artifacts/summary.json</c>). <c>--generate-payloads [folder]</c>: rewrites the payload files.
/// Anything else goes to BenchmarkDotNet's switcher (for example <c>--filter *Validate*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--quick", StringComparer.Ordinal))
        {
            return QuickRunner.Run(args.Where(a => a != "--quick").ToArray());
        }

        if (args.Length > 0 && args[0] == "--generate-payloads")
        {
            var folder = args.Length > 1 ? args[1] : Path.Combine(Directory.GetCurrentDirectory(), "benchmarks", "Stagehand.Benchmarks", "Payloads");
            PayloadGenerator.WriteAll(folder);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stagehand.Benchmarks.Quick;

/// <summary>The quick run's summary, as a Markdown table for the console and as JSON.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<Measurement> measurements, IReadOnlyList<TargetResult> results, IReadOnlyList<string> notes, string[] machine, string command, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("## Stagehand benchmarks: quick run summary");
        text.AppendLine();
        text.AppendLine("| benchmark | payload | median | allocated |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var m in measurements)
        {
            text.Append("| ").Append(m.Class.Replace("Benchmarks", string.Empty, StringComparison.Ordinal)).Append(": ").Append(m.Description)
                .Append(" | ").Append(m.Payload?.ToString().ToLowerInvariant() ?? "-")
                .Append(" | ").Append(Time(m.MedianNs))
                .Append(" | ").Append(Bytes(m.AllocatedBytes)).AppendLine(" |");
        }

        text.AppendLine();
        text.AppendLine("| target | compares | ratio | target | met |");
        text.AppendLine("|---|---|---:|---|---|");
        foreach (var r in results)
        {
            text.Append("| ").Append(r.Name)
                .Append(" | ").Append(r.Compares)
                .Append(" | ").Append(r.Unit == "B" ? (r.Ratio is { } b ? b.ToString("0.##", CultureInfo.InvariantCulture) + " B" : "-") : Ratio(r.Ratio))
                .Append(" | ").Append(r.Target ?? "(reported)")
                .Append(" | ").Append(r.Met switch { true => "yes", false => "**NO**", null => r.Target is null ? "-" : "not run" })
                .AppendLine(" |");
        }

        text.AppendLine();
        text.Append("Met ").Append(results.Count(r => r.Met == true)).Append(" of ").Append(results.Count(r => r.Target is not null))
            .Append(" targets; ").Append(results.Count(r => r.Met == false)).Append(" missed");
        var notRun = results.Count(r => r.Met is null && r.Target is not null);
        if (notRun > 0)
        {
            text.Append(", ").Append(notRun).Append(" not run");
        }

        text.AppendLine(".");
        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine(note);
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
        }

        text.AppendLine("Machine:");
        foreach (var line in machine)
        {
            text.Append("    ").AppendLine(line);
        }

        text.Append("Command: `").Append(command).Append("` (").Append(elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)).AppendLine(" s)");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<Measurement> measurements, IReadOnlyList<TargetResult> results, IReadOnlyList<string> notes, string[] machine, string command, TimeSpan elapsed)
    {
        var entries = new JsonArray();
        foreach (var r in results)
        {
            var entry = new JsonObject
            {
                ["name"] = r.Name,
                ["ratio"] = r.Ratio is { } ratio ? JsonValue.Create(Math.Round(ratio, 6)) : null,
                ["target"] = r.Target,
                ["met"] = r.Met is { } met ? JsonValue.Create(met) : null,
                ["compares"] = r.Compares,
                ["candidateMedianNs"] = r.CandidateMedianNs is { } c ? JsonValue.Create(Math.Round(c, 1)) : null,
                ["baselineMedianNs"] = r.BaselineMedianNs is { } b ? JsonValue.Create(Math.Round(b, 1)) : null,
            };
            if (r.Unit is not null)
            {
                entry["unit"] = r.Unit;
            }

            if (r.Note is not null)
            {
                entry["note"] = r.Note;
            }

            entries.Add(entry);
        }

        var benchmarks = new JsonArray();
        foreach (var m in measurements)
        {
            benchmarks.Add(new JsonObject
            {
                ["class"] = m.Class,
                ["method"] = m.Method,
                ["description"] = m.Description,
                ["payload"] = m.Payload?.ToString().ToLowerInvariant(),
                ["medianNs"] = m.MedianNs is { } median ? JsonValue.Create(Math.Round(median, 1)) : null,
                ["allocatedBytes"] = m.AllocatedBytes is { } allocated ? JsonValue.Create(allocated) : null,
            });
        }

        var document = new JsonObject
        {
            ["command"] = command,
            ["elapsedSeconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["machine"] = new JsonArray(machine.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
            ["entries"] = entries,
            ["notes"] = new JsonArray(notes.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
            ["benchmarks"] = benchmarks,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Ratio(double? ratio) => ratio switch
    {
        null => "-",
        < 0.001 => ratio.Value.ToString("0.00000", CultureInfo.InvariantCulture),
        < 0.1 => ratio.Value.ToString("0.0000", CultureInfo.InvariantCulture),
        _ => ratio.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string Time(double? ns) => ns switch
    {
        null => "failed",
        < 1_000 => ns.Value.ToString("F1", CultureInfo.InvariantCulture) + " ns",
        < 1_000_000 => (ns.Value / 1_000).ToString("F2", CultureInfo.InvariantCulture) + " us",
        < 1_000_000_000 => (ns.Value / 1_000_000).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        _ => (ns.Value / 1_000_000_000).ToString("F3", CultureInfo.InvariantCulture) + " s",
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "-",
        < 1024 => bytes.Value.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes.Value / 1024.0).ToString("F2", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes.Value / (1024.0 * 1024)).ToString("F2", CultureInfo.InvariantCulture) + " MB",
    };
}

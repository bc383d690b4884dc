using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli;

/// <summary>Writes findings as a SARIF 2.1.0 log with one run.</summary>
internal static class SarifWriter
{
    public const string Version = "2.1.0";

    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(IReadOnlyList<CheckFinding> findings, TextWriter output)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", Version);
            writer.WriteStartArray("runs");
            writer.WriteStartObject();

            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", Program.ToolName);
            writer.WriteString("version", ToolVersion());
            writer.WriteStartArray("rules");
            foreach (var rule in Rules.All)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("name", rule.Name);
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteStartObject("fullDescription");
                writer.WriteString("text", rule.Description);
                writer.WriteEndObject();
                writer.WriteString("helpUri", rule.HelpUri);
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(rule.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", finding.Rule.Id);
                writer.WriteNumber("ruleIndex", Rules.All.IndexOf(finding.Rule));
                writer.WriteString("level", Level(finding.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", finding.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", ToUri(finding.DisplayPath));
                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", finding.Line);
                writer.WriteNumber("startColumn", finding.Column);
                if (finding.EndLine > finding.Line || (finding.EndLine == finding.Line && finding.EndColumn > finding.Column))
                {
                    writer.WriteNumber("endLine", finding.EndLine);
                    writer.WriteNumber("endColumn", finding.EndColumn);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The SARIF level of a severity.</summary>
    internal static string Level(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "error",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path as a relative URI reference (forward slashes, escaped); a full path as a <c>file:</c> URI.</summary>
    internal static string ToUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join("/", path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]).Select(Uri.EscapeDataString));
    }

    private static string ToolVersion()
    {
        var informational = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}

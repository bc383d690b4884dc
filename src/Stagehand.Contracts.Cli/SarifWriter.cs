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

/// <summary>One result of a SARIF log: a rule, a message and a file, with a region when the line is known.</summary>
/// <param name="Properties">Extra values of the result (a JSON value when <c>IsJson</c>, else a string).</param>
internal sealed record SarifResult(
    Rule Rule,
    Microsoft.CodeAnalysis.DiagnosticSeverity Severity,
    string Message,
    string DisplayPath,
    int? Line,
    int? Column,
    int? EndLine = null,
    int? EndColumn = null,
    IReadOnlyList<(string Name, string Value, bool IsJson)>? Properties = null);

/// <summary>Writes findings as a SARIF 2.1.0 log with one run.</summary>
internal static class SarifWriter
{
    public const string Version = "2.1.0";

    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The findings of <c>check</c>, with every rule of a build in the rule table.</summary>
    public static void Write(IReadOnlyList<CheckFinding> findings, TextWriter output) =>
        Write(
            Rules.All,
            findings.Select(finding => new SarifResult(finding.Rule, finding.Severity, finding.Message, finding.DisplayPath, finding.Line, finding.Column, finding.EndLine, finding.EndColumn)).ToList(),
            output);

    /// <summary>A log of <paramref name="results"/>, with <paramref name="rules"/> (which hold every result's rule) as the rule table.</summary>
    public static void Write(IReadOnlyList<Rule> rules, IReadOnlyList<SarifResult> results, TextWriter output)
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
            foreach (var rule in rules)
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
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", result.Rule.Id);
                writer.WriteNumber("ruleIndex", IndexOf(rules, result.Rule));
                writer.WriteString("level", Level(result.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", result.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", ToUri(result.DisplayPath));
                writer.WriteEndObject();
                if (result.Line is { } line && result.Column is { } column)
                {
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", line);
                    writer.WriteNumber("startColumn", column);
                    if (result.EndLine is { } endLine && result.EndColumn is { } endColumn && (endLine > line || (endLine == line && endColumn > column)))
                    {
                        writer.WriteNumber("endLine", endLine);
                        writer.WriteNumber("endColumn", endColumn);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                if (result.Properties is { Count: > 0 } properties)
                {
                    writer.WriteStartObject("properties");
                    foreach (var property in properties)
                    {
                        writer.WritePropertyName(property.Name);
                        if (property.IsJson)
                        {
                            writer.WriteRawValue(property.Value);
                        }
                        else
                        {
                            writer.WriteStringValue(property.Value);
                        }
                    }

                    writer.WriteEndObject();
                }

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

    private static int IndexOf(IReadOnlyList<Rule> rules, Rule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] == rule)
            {
                return i;
            }
        }

        throw new ArgumentException($"The rule {rule.Id} is not in the rule table.", nameof(rule));
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

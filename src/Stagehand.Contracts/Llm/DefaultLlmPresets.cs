using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Stagehand.Contracts.Llm;

/// <summary>
/// The versioned presets for the LLM configuration of a browser session created without <c>llmId</c>.
/// A shipped version never changes; a new default is a new version, and <see cref="Latest"/> moves to it.
/// </summary>
public static class DefaultLlmPresets
{
    /// <summary>Gets version 1: <c>Default LLM</c>, <c>openai/gpt-4.1-nano</c>.</summary>
    public static DefaultLlmPreset V1 { get; } = new(version: 1, displayName: "Default LLM", modelName: "openai/gpt-4.1-nano");

    /// <summary>Gets every preset, oldest first.</summary>
    public static IReadOnlyList<DefaultLlmPreset> All { get; } = Array.AsReadOnly(new[] { V1 });

    /// <summary>Gets the newest preset: the one a new browser session gets.</summary>
    public static DefaultLlmPreset Latest => All[All.Count - 1];

    /// <summary>Gets the preset with the given version.</summary>
    /// <param name="version">The version, starting at 1.</param>
    /// <param name="preset">The preset when found; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a preset with <paramref name="version"/> exists.</returns>
    public static bool TryGet(int version, [NotNullWhen(true)] out DefaultLlmPreset? preset)
    {
        foreach (DefaultLlmPreset candidate in All)
        {
            if (candidate.Version == version)
            {
                preset = candidate;
                return true;
            }
        }

        preset = null;
        return false;
    }
}

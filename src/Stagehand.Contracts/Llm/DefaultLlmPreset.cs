using System;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Llm;

/// <summary>
/// One version of the LLM configuration that a browser session gets when it is created without <c>llmId</c>.
/// The server materializes it as an <see cref="LLMConfig"/> with <see cref="LLMSource.SystemDefault"/> as its source.
/// </summary>
/// <remarks>The presets are listed in <see cref="DefaultLlmPresets"/>; a shipped version never changes.</remarks>
public sealed record DefaultLlmPreset
{
    internal DefaultLlmPreset(int version, string displayName, string modelName)
    {
        Version = version;
        DisplayName = displayName;
        ModelName = modelName;
    }

    /// <summary>Gets the version of the preset, starting at 1.</summary>
    public int Version { get; }

    /// <summary>Gets the <c>displayName</c> of the materialized configuration.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the provider-prefixed <c>modelName</c> of the materialized configuration.</summary>
    public string ModelName { get; }

    /// <summary>Gets the <c>source</c> of the materialized configuration: always <see cref="LLMSource.SystemDefault"/>.</summary>
    public LLMSource Source => LLMSource.SystemDefault;

    /// <summary>Materializes the preset as a stored LLM configuration.</summary>
    /// <param name="id">The id the server assigns to the configuration.</param>
    /// <param name="createdAt">When the configuration is created; also its <c>updatedAt</c>.</param>
    /// <returns>The configuration; <c>baseUrl</c>, <c>systemPrompt</c> and <c>providerOptions</c> are <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <see cref="Guid.Empty"/>.</exception>
    public LLMConfig Materialize(Guid id, DateTimeOffset createdAt) => Materialize(id, createdAt, createdAt);

    /// <summary>Materializes the preset as a stored LLM configuration.</summary>
    /// <param name="id">The id the server assigns to the configuration.</param>
    /// <param name="createdAt">When the configuration was created.</param>
    /// <param name="updatedAt">When the configuration last changed; not earlier than <paramref name="createdAt"/>.</param>
    /// <returns>The configuration; <c>baseUrl</c>, <c>systemPrompt</c> and <c>providerOptions</c> are <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is <see cref="Guid.Empty"/>, or <paramref name="updatedAt"/> is earlier than <paramref name="createdAt"/>.
    /// </exception>
    public LLMConfig Materialize(Guid id, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An LLM configuration id must not be the empty GUID.", nameof(id));
        }

        if (updatedAt < createdAt)
        {
            throw new ArgumentException("updatedAt must not be earlier than createdAt.", nameof(updatedAt));
        }

        return new LLMConfig
        {
            Id = id,
            Source = Source,
            DisplayName = DisplayName,
            ModelName = ModelName,
            BaseUrl = null,
            SystemPrompt = null,
            ProviderOptions = null,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }
}

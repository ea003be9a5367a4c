import Foundation
import PackagePlugin

/// Embeds `openapi/openapi.json` in DXServer at build time as `OpenAPISource.text`, so the
/// binary carries its API document (one file to ship, nothing to locate at start) while the
/// JSON file stays the one place it is edited. SwiftPM reruns the tool when the file changes.
@main
struct EmbedOpenAPI: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "openapi/openapi.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "OpenAPISource.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi/openapi.json",
                executable: try context.tool(named: "OpenAPIEmbedder").url,
                arguments: [input.path, output.path],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}

import Foundation
import Testing

@testable import LessonEngine

@Suite struct SitePathTests {
    let site = URL(fileURLWithPath: "/tmp/some-site")

    @Test func pathsInsideTheSiteResolve() {
        #expect(SitePath.resolve("/", in: site)?.path == "/tmp/some-site/index.html")
        #expect(
            SitePath.resolve("/chapter3.html?q=1#top", in: site)?.path
                == "/tmp/some-site/chapter3.html")
        #expect(
            SitePath.resolve("/katex/fonts/A.woff2", in: site)?.path
                == "/tmp/some-site/katex/fonts/A.woff2")
    }

    @Test func pathsLeavingTheSiteAreRefused() {
        #expect(SitePath.resolve("/../Package.swift", in: site) == nil)
        #expect(SitePath.resolve("/%2e%2e/Package.swift", in: site) == nil)
        #expect(SitePath.resolve("/katex/../../etc/passwd", in: site) == nil)
        #expect(SitePath.resolve("relative.html", in: site) == nil)
    }
}

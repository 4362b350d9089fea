// Package.swift declares this test target, but the branch it was cut from had no sources for it, so
// `swift build` refused the whole package. The chart tests proper belong to the charts issue.
import Charts

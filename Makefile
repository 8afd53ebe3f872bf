# Targets: make demo | make test | make embed | make release
.PHONY: demo test embed release
demo:     ## build, load the demo institution and print its statistics
	scripts/demo
test:     ## run the whole test suite
	scripts/test
embed:    ## re-embed Templates/ into the Swift sources after editing them
	scripts/embed-resources
release:  ## build the release binary
	swift build -c release --product report

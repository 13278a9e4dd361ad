parser grammar TermsParser;
options { tokenVocab = TermsLexer; }
file: ID* EOF;

// The Terms language grammar: spec section 3, production by production. The rules are factored
// so that every decision is LL(1) (`every` then `requires`/`occurs`, `at` then `least`/`most`):
// a syntax error is then always reported at the token where the input went wrong, with the exact
// set of tokens that could have come there. The accepted language is exactly section 3.
parser grammar TermsParser;
options { tokenVocab = TermsLexer; }

file         : agreement? ( party | block )* EOF ;

agreement    : AGREEMENT STRING agreementOpt* ;
agreementOpt : EFFECTIVE DATE TO DATE          # effectiveOpt
             | calendarOpt                     # agreementCalendarOpt
             ;
party        : PARTY name partyOpt* ;
partyOpt     : NAME STRING                     # partyNameOpt
             | ROLE name                       # partyRoleOpt
             | calendarOpt                     # partyCalendarOpt
             ;
// The options the agreement and a party share.
calendarOpt  : TIMEZONE STRING                 # timezoneOpt
             | BUSINESS HOURS hours            # hoursOpt
             | HOLIDAYS DATE ( COMMA DATE )*   # holidaysOpt
             ;
hours        : hoursSpan ( COMMA hoursSpan )* ;
hoursSpan    : dayspan TIME DASH TIME ;
dayspan      : day ( DASH day )? ;
day          : MON | TUE | WED | THU | FRI | SAT | SUN ;

block        : ( TERM | EXPECTATION ) STRING blockOpt* rule_+ ;
blockOpt     : CLAUSE STRING                              # clauseOpt
             | SEVERITY ( CRITICAL | MAJOR | MINOR )      # severityOpt
             | RESPONSIBLE name ( COMMA name )*           # responsibleOpt
             | NOTE STRING                                # noteOpt
             ;

// `rule` is a reserved name in the C++ target, hence rule_.
rule_        : EVERY pattern everyTail                                        # everyRule
             | AT ( LEAST INT pattern EVERY period allowance?
                  | MOST INT pattern EVERY period )                           # countRule
             | NO pattern                                                     # noRule
             | aggregate name OF pattern bound EVERY period                   # aggregateRule
             ;
everyTail    : REQUIRES pattern correlation? timing                           # requiresTail
             | OCCURS WITHIN BUSINESS HOURS OF name ( AND name )*             # occursTail
             ;
allowance    : ALLOWING INT MISSED PER period ;
bound        : AT ( LEAST | MOST ) number PERCENT? ;
aggregate    : AVERAGE | MINIMUM | MAXIMUM | TOTAL | LATEST ;

pattern      : name ( BY name )? ( WHERE condition )? ;

condition    : conj ( OR conj )* ;
conj         : unary ( AND unary )* ;
unary        : NOT unary                                  # notUnary
             | LPAREN condition RPAREN                    # parenUnary
             | comparison                                 # comparisonUnary
             ;
comparison   : name ( compareOp literal
                    | INCLUDE literal ( COMMA literal )*
                    | IS ( PRESENT | ABSENT ) ) ;
compareOp    : EQ | NE | LT | LE | GT | GE ;
literal      : STRING | number PERCENT? | DATE | DATETIME | TRUE | FALSE | name ;
number       : INT | NUMBER ;

correlation  : WITH SAME name ( COMMA name )* ;
timing       : BEFORE                                     # beforeTiming
             | AFTER                                      # afterTiming
             | AT LEAST duration BEFORE                   # atLeastTiming
             | WITHIN duration ( BEFORE | AFTER )         # withinTiming
             | NO LATER THAN name                         # noLaterThanTiming
             ;
duration     : INT ( unit | BUSINESS businessUnit ( OF name )? ) ;
unit         : MINUTE | MINUTES | HOUR | HOURS | DAY | DAYS | WEEK | WEEKS ;
businessUnit : DAY | DAYS | HOUR | HOURS ;
// Section 3 writes INT (days|weeks|months); the singular is accepted too (`every 1 month`).
period       : DAY | WEEK | MONTH | QUARTER | YEAR
             | INT ( DAYS | WEEKS | MONTHS | DAY | WEEK | MONTH ) ;

name         : ID ;

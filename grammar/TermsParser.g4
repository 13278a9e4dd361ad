// The Terms language grammar: spec section 3, production by production. The rules are factored
// so that every decision is LL(1) (`every` then `requires`/`occurs`, `at` then `least`/`most`):
// a syntax error is then always reported at the token where the input went wrong, with the exact
// set of tokens that could have come there. The accepted language is exactly section 3.
parser grammar TermsParser;
options { tokenVocab = TermsLexer; }

file         : agreement? ( party | calendarDecl | intervalDecl | block )* EOF ;

agreement    : AGREEMENT STRING agreementOpt* ;
agreementOpt : EFFECTIVE DATE TO DATE          # effectiveOpt
             | calendarOpt                     # agreementCalendarOpt
             | CURRENCY STRING                 # currencyOpt             // V2.8
             | FEE name number                 # feeOpt
             | CREDITS AT MOST amount EVERY period   # creditCapOpt
             ;
party        : PARTY name partyOpt* ;
partyOpt     : NAME STRING                     # partyNameOpt
             | ROLE name                       # partyRoleOpt
             | calendarOpt                     # partyCalendarOpt
             ;
// V2.7: business time without a party.
calendarDecl : CALENDAR name calendarOpt* ;
// V2.6: intervals built from an opening and a closing event.
intervalDecl : INTERVAL name FROM pattern TO pattern correlation? ;
// The options the agreement, a party and a calendar share.
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
             | EFFECTIVE DATE TO DATE                     # blockEffectiveOpt   // V2.7
             | CREDIT amount creditPer? creditWhen?       # creditOpt           // V2.8
             ;
creditPer    : PER ( FINDING | DAY LATE | HOUR LATE ) ;
creditWhen   : WHEN MEASURED ( ABOVE | BELOW ) number PERCENT? ;
amount       : number ( PERCENT OF name )? ;

// `rule` is a reserved name in the C++ target, hence rule_.
// A `duration of` after an aggregate word starts a V2.6 measure (spec V2.2); `average `duration`
// of ...` (backticked) is the version 1 aggregate of an attribute named duration. The measure
// alternative comes first so that it wins where both could apply; both are decided after the
// aggregate word, so a mistake there is reported where it is.
rule_        : EVERY ( pattern everyTail | periodTail )                       # everyRule
             | AT ( LEAST | MOST ) countTail                                  # countRule       // 5.3, 5.4, V2.3
             | NO pattern                                                     # noRule
             | aggregate ( DURATION OF name during? durationBound EVERY period          // V2.6 measure
                         | name OF pattern bound EVERY period grouped? )      # aggregateRule   // 5.6
             | PERCENTILE INT DURATION OF name during? durationBound EVERY period   # percentileRule  // V2.6
             | AVAILABILITY OF name during? AT LEAST number PERCENT EVERY period   # availabilityRule // V2.6
             | DOWNTIME OF name during? AT MOST plainDuration EVERY period     # downtimeRule    // V2.6
             ;
// V2.5 `every PERIOD requires ...`: told from `every PATTERN` by the word after `every`.
periodTail   : period REQUIRES pattern forPeriod? timing ;
everyTail    : REQUIRES pattern correlation? timing pause? share?             # requiresTail
             | OCCURS WITHIN BUSINESS HOURS OF name ( AND name )*             # occursTail
             ;
// `at least|most N pattern every period` (5.3, 5.4) or `... X% of pattern have condition` (V2.3).
countTail    : INT pattern EVERY period grouped? allowance?                   # countOfEvents
             | number PERCENT OF pattern HAVE condition EVERY period grouped? small?   # shareOfEvents
             ;
allowance    : ALLOWING INT MISSED PER period ;
grouped      : GROUPED BY PERIOD ;
pause        : PAUSED FROM pattern UNTIL pattern ;
share        : IN AT LEAST number PERCENT OF CASES EVERY period small? ;
small        : OR AT MOST INT FAILED WHEN FEWER THAN INT CASES ;
forPeriod    : FOR THE ( period | PERIOD ) ;
durationBound: AT ( LEAST | MOST ) plainDuration ;
plainDuration: INT unit ;
during       : DURING BUSINESS HOURS OF name ;
bound        : AT ( LEAST | MOST ) number PERCENT? ;
aggregate    : AVERAGE | MINIMUM | MAXIMUM | TOTAL | LATEST ;

pattern      : name ( BY name )? hoursFilter? ( WHERE condition )? ;
hoursFilter  : ( DURING | OUTSIDE ) BUSINESS HOURS OF name ;   // V2.7

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

// A name; the version 2 words are names wherever the grammar does not expect them as keywords.
name         : ID | softKeyword ;
softKeyword  : CURRENCY | FEE | CREDITS | CREDIT | CALENDAR | INTERVAL | FROM | FINDING | LATE
             | WHEN | MEASURED | ABOVE | BELOW | PAUSED | UNTIL | IN | CASES | HAVE | FAILED
             | FEWER | FOR | THE | PERIOD | AVAILABILITY | DOWNTIME | DURATION | PERCENTILE
             | DURING | OUTSIDE | GROUPED ;
